"""The form a member creates a survey with: what it asks, of whom, when; and its questions."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from portal.datetimes import validate_portal_date
from surveys.models import CHOICE_TYPES, QUESTION_TYPES, SharedWith

MAX_QUESTIONS = 30
MAX_CHOICES = 20
NEW_QUESTION_ROWS = 3  # blank questions the form offers at first, and each time more are asked


def closing_instant(day):
    """A survey that closes on ``day`` takes answers until that day has ended everywhere on
    Earth (the last time zone, UTC−12), so no respondent loses part of it."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(12), tzinfo=dt.UTC)


def opening_instant(day, now=None):
    """A survey that opens on ``day`` opens at once if that is today, else when the day
    begins (UTC)."""
    now = now or timezone.now()
    if day <= now.date():
        return now
    return dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC)


class SurveyForm(forms.Form):
    """What the survey is, who is asked and when."""

    title = forms.CharField(label=_("Title of the survey"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=2000,
        help_text=_("What the survey is for and how its results will be used."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    community = forms.TypedChoiceField(
        label=_("Who is asked"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("The whole membership, or the members of one of your communities."),
    )
    opens_on = forms.DateField(
        label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )
    closes_on = forms.DateField(
        label=_("Closes on (optional)"),
        required=False,
        help_text=_("Answers are taken until this day has ended everywhere in the world."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    anonymous = forms.BooleanField(
        label=_("Anonymous answers: the results do not say who answered what"),
        required=False,
        initial=True,
    )
    results_to_respondents = forms.BooleanField(
        label=_("Show the results to respondents once the survey has closed"), required=False
    )
    thank_you = forms.CharField(
        label=_("Thank-you message (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, communities=(), locked=(), **kwargs):
        """``communities`` are (id, name) of the communities the member may ask; ``locked``
        names the fields that can no longer change (a survey being answered keeps who is
        asked, when it opened and whether answers are anonymous): shown, never read from
        the form."""
        super().__init__(*args, **kwargs)
        self.fields["community"].choices = [("", _("All members of the portal"))] + [
            (pk, name) for pk, name in communities
        ]
        for name in locked:
            self.fields[name].disabled = True

    def clean_opens_on(self):
        """Today unless said; never in the past (unless it has opened already and cannot
        change), nor outside the portal's years."""
        day = self.cleaned_data.get("opens_on") or timezone.now().date()
        validate_portal_date(day)
        if day < timezone.now().date() and not self.fields["opens_on"].disabled:
            raise ValidationError(_("A survey cannot open in the past."))
        return day

    def clean_closes_on(self):
        """Within the portal's years."""
        day = self.cleaned_data.get("closes_on")
        validate_portal_date(day)
        return day

    def clean(self):
        """It closes on or after the day it opens."""
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The survey must close on or after the day it opens."))
        return data

    @property
    def shared_with(self):
        """Asked of one community, or of everyone."""
        return SharedWith.COMMUNITY if self.cleaned_data.get("community") else SharedWith.MEMBERS


class QuestionForm(forms.Form):
    """One question; a row left blank is no question."""

    label = forms.CharField(label=_("Question"), max_length=255, required=False)
    field_type = forms.ChoiceField(label=_("Kind of answer"), choices=QUESTION_TYPES)
    choices = forms.CharField(
        label=_("Choices, one per line"),
        required=False,
        max_length=4000,
        help_text=_("For one choice and several choices."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    help_text = forms.CharField(label=_("Explanation (optional)"), max_length=255, required=False)
    required = forms.BooleanField(label=_("An answer is required"), required=False)

    def clean(self):
        """A choice question has two choices or more, each once; other questions none."""
        data = super().clean()
        if not data.get("label"):
            return data
        lines = [line.strip() for line in (data.get("choices") or "").splitlines()]
        lines = list(dict.fromkeys(line for line in lines if line))
        if data.get("field_type") in CHOICE_TYPES:
            if len(lines) < 2:
                self.add_error("choices", _("Give at least two choices, one per line."))
            elif len(lines) > MAX_CHOICES:
                self.add_error(
                    "choices",
                    ngettext_lazy(
                        "Give at most %(count)d choice.",
                        "Give at most %(count)d choices.",
                        MAX_CHOICES,
                    )
                    % {"count": MAX_CHOICES},
                )
            elif any(len(line) > 200 for line in lines):
                self.add_error("choices", _("Keep each choice under 200 characters."))
            data["choices"] = "\n".join(lines)
        else:
            data["choices"] = ""
        return data

    @property
    def is_question(self):
        """Does this row ask something?"""
        return bool(self.cleaned_data.get("label"))


class BaseQuestionFormSet(forms.BaseFormSet):
    """The survey's questions: at least one, at most :data:`MAX_QUESTIONS`, each asked once."""

    def clean(self):
        """Refuses a survey without questions and the same question twice."""
        if any(self.errors):
            return
        labels = [form.cleaned_data["label"] for form in self.forms if form.is_question]
        if not labels:
            raise ValidationError(_("Ask at least one question."))
        if len({label.casefold() for label in labels}) != len(labels):
            raise ValidationError(_("Each question must be different from the others."))

    def questions(self):
        """The cleaned questions, in order, without blank rows."""
        return [form.cleaned_data for form in self.forms if form.is_question]


QuestionFormSet = forms.formset_factory(
    QuestionForm,
    formset=BaseQuestionFormSet,
    extra=NEW_QUESTION_ROWS,
    max_num=MAX_QUESTIONS,
    validate_max=True,
    absolute_max=MAX_QUESTIONS,
)
