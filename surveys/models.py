"""Members' surveys, built on Wagtail's form builder (``wagtail.contrib.forms``).

A survey is a page (:class:`SurveyPage`, a ``FormMixin`` page) under the surveys section of a
language (:class:`SurveyIndexPage`). Its questions are the form builder's fields
(:class:`SurveyQuestion`) and its answers the form builder's submissions
(:class:`SurveyResponse`): Wagtail builds the form, stores the answers and lists them, with a
spreadsheet export, in the admin's "Forms" for staff. What the portal adds:

* **who may answer**: a survey is shared with the whole membership (audience ``members``) or
  with one community's active members (``cm<pk>``), through the one access policy; the page
  is served, listed and searched only to them;
* **once**: every respondent has one :class:`SurveyRespondent` row, unique per survey, written
  in the same transaction as the answer;
* **anonymous or named**: an anonymous survey's answers keep no link to their respondent (the
  respondent row has no time and a random key, so it cannot be matched to an answer);
* **open and close dates**, and **results** for the creator (the page's owner) and staff, and
  for respondents once the survey has closed when the creator says so.
"""

import datetime as dt
import uuid

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder, WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission, FormMixin
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.access import is_staff
from portal.models import BasePage, RestrictedMixin
from portal.translation import synchronized, translated

# The kinds of question a member can ask: the form builder's own field types, and a rating.
QUESTION_TYPES = [
    ("radio", _("One choice")),
    ("checkboxes", _("Several choices")),
    ("rating", _("Rating from 1 to 5")),
    ("singleline", _("Short answer")),
    ("multiline", _("Long answer")),
]
CHOICE_TYPES = ("radio", "checkboxes")
RATINGS = range(1, 6)
MAX_TEXT_ANSWER = 4000


class SurveyFormBuilder(FormBuilder):
    """Wagtail's form builder with a rating question (1 to 5) and a length limit on long
    answers (``create_<type>_field`` is the builder's documented extension point)."""

    def create_rating_field(self, field, options):
        """A rating from 1 (lowest) to 5 (highest), as radio buttons."""
        labels = {RATINGS[0]: _("%(n)s (lowest)"), RATINGS[-1]: _("%(n)s (highest)")}
        return forms.TypedChoiceField(
            choices=[(n, labels[n] % {"n": n} if n in labels else str(n)) for n in RATINGS],
            coerce=int,
            widget=forms.RadioSelect,
            **options,
        )

    def create_multiline_field(self, field, options):
        """A long answer, of at most :data:`MAX_TEXT_ANSWER` characters."""
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_TEXT_ANSWER, **options
        )


class SurveyAdminForm(WagtailAdminFormPageForm):
    """The admin's form of a survey: once members have answered, its questions, who is asked
    and whether answers are anonymous stay as they were answered (as on the site's form)."""

    LOCKED = ("shared_with", "community", "anonymous")

    def clean(self):
        """Refuses a change to what the answers were given to."""
        cleaned = super().clean()
        survey = self.instance
        if survey.pk is None or not survey.respondents.exists():
            return cleaned
        for name in self.LOCKED:
            if name in self.changed_data:
                self.add_error(name, _("Members have answered: this can no longer change."))
        questions = self.formsets.get("form_fields")
        if questions is not None and questions.has_changed():
            self.add_error(
                None, _("Members have answered this survey: its questions can no longer change.")
            )
        return cleaned


class SharedWith(models.TextChoices):
    """Who is asked to answer a survey."""

    MEMBERS = "members", _("All members of the portal")
    COMMUNITY = "community", _("The members of one community")


class SurveyIndexPage(RoutablePageMixin, BasePage):
    """The surveys of one language's section: open surveys to answer, closed ones with their
    results, the reader's own, and the form that creates one."""

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["surveys.SurveyPage"]
    max_count_per_parent = 1
    page_description = _("The surveys section of one language: members' surveys and their form.")

    translatable_fields = BasePage.translatable_fields

    class Meta:
        verbose_name = _("surveys index")
        verbose_name_plural = _("surveys indexes")

    def get_context(self, request, *args, **kwargs):
        """Adds the surveys the reader may see, by state, and their own."""
        from surveys.views import index_context  # noqa: PLC0415 - serves the listing

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    @path("new/")
    def create_view(self, request):
        """``new/``: a member creates a survey (``?community=<id>`` proposes that community)."""
        from surveys.views import create_survey  # noqa: PLC0415 - serves the form

        return create_survey(request, self)


class SurveyPage(RoutablePageMixin, RestrictedMixin, FormMixin, BasePage):
    """One survey: its questions, who answers it, when, and who sees the results.

    The creator is the page's ``owner``. Members create surveys from the site
    (``surveys.views.create_survey``); editors may also add or correct them in the admin.
    """

    shared_with = models.CharField(
        _("asked of"), max_length=12, choices=SharedWith.choices, default=SharedWith.MEMBERS
    )
    community = models.ForeignKey(
        "community_pages.CommunityPage",
        verbose_name=_("community"),
        null=True,
        blank=True,
        # A deleted community's surveys are read by nobody (``removed``), never by everyone.
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The community whose members answer, when it is asked of one community."),
    )
    opens_at = models.DateTimeField(_("opens"), default=timezone.now)
    closes_at = models.DateTimeField(
        _("closes"), null=True, blank=True, help_text=_("Leave empty to keep it open.")
    )
    anonymous = models.BooleanField(
        _("anonymous answers"),
        default=True,
        help_text=_("The results do not say who answered what."),
    )
    results_to_respondents = models.BooleanField(
        _("show the results to respondents"),
        default=False,
        help_text=_("Respondents can read the results once the survey has closed."),
    )
    thank_you = models.TextField(
        _("thank-you message"),
        blank=True,
        max_length=1000,
        help_text=_("What respondents read once they have answered."),
    )

    search_fields = BasePage.search_fields + RestrictedMixin.search_fields
    form_builder = SurveyFormBuilder
    base_form_class = SurveyAdminForm
    # FormMixin names its "thank you" template after the page's; this page shows its own.
    landing_page_template = "surveys/survey_page.html"

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("shared_with"),
                FieldPanel("community"),
                FieldPanel("opens_at"),
                FieldPanel("closes_at"),
                FieldPanel("anonymous"),
                FieldPanel("results_to_respondents"),
            ],
            heading=_("Respondents and dates"),
        ),
        InlinePanel("form_fields", label=_("Questions"), min_num=1),
        FieldPanel("thank_you"),
    ]
    parent_page_types = ["surveys.SurveyIndexPage"]
    subpage_types = []
    page_description = _("A members' survey: its questions, respondents and dates.")

    translatable_fields = (
        BasePage.translatable_fields
        + translated("thank_you", "form_fields")
        + synchronized(
            "shared_with",
            "community",
            "opens_at",
            "closes_at",
            "anonymous",
            "results_to_respondents",
        )
    )

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    # -- the access policy -------------------------------------------------------------

    members_only = True  # the whole membership, unless a community's

    @property
    def members_only_community_id(self):
        """A community's survey is answered by that community's active members."""
        return self.community_id if self.shared_with == SharedWith.COMMUNITY else None

    @property
    def removed(self):
        """A community's survey whose community is gone: nobody answers it any more."""
        return self.shared_with == SharedWith.COMMUNITY and self.community_id is None

    # -- state -------------------------------------------------------------------------

    def state(self, now=None):
        """``"scheduled"`` before it opens, ``"closed"`` after it closes, else ``"open"``."""
        now = now or timezone.now()
        if self.opens_at > now:
            return "scheduled"
        if self.closes_at is not None and self.closes_at <= now:
            return "closed"
        return "open"

    @property
    def closing_day(self):
        """The day it closes, as its creator chose it: a survey created to close on a day
        closes when that day has ended everywhere (``surveys.forms.closing_instant``, noon UTC
        the next day), one closed by hand on the day it was."""
        if self.closes_at is None:
            return None
        at = self.closes_at.astimezone(dt.UTC)
        if at.time() == dt.time(12):
            return at.date() - dt.timedelta(days=1)
        return at.date()

    def is_creator(self, user):
        """Is ``user`` the member who created the survey?"""
        return bool(user.is_authenticated and self.owner_id == user.pk)

    def has_answered(self, user):
        """Has ``user`` answered (once is all a member may)?"""
        return bool(user.is_authenticated and self.respondents.filter(user_id=user.pk).exists())

    def may_see_results(self, user, answered=None):
        """The creator and staff read the results at any time; respondents once it has
        closed, when the creator chose to show them."""
        if self.is_creator(user) or is_staff(user):
            return True
        if not (self.results_to_respondents and self.state() == "closed"):
            return False
        return self.has_answered(user) if answered is None else answered

    # -- the form builder ----------------------------------------------------------------

    def get_submission_class(self):
        """Answers are :class:`SurveyResponse` rows."""
        return SurveyResponse

    def get_data_fields(self):
        """The admin's columns: the respondent's name only when answers are named."""
        fields = super().get_data_fields()
        if not self.anonymous:
            fields.insert(1, ("respondent", _("Respondent")))
        return fields

    def process_form_submission(self, form, user=None):
        """Store the answer, with its respondent when answers are named. The caller
        records the respondent (``surveys.views``), in the same transaction."""
        return SurveyResponse.objects.create(
            form_data=form.cleaned_data,
            page=self,
            respondent=None if self.anonymous or user is None else user,
        )

    # -- routes --------------------------------------------------------------------------

    @path("")
    def survey_view(self, request):
        """The survey: its questions to answer, or why they cannot be answered now."""
        from surveys.views import answer_survey  # noqa: PLC0415 - serves the page

        return answer_survey(request, self)

    @path("results/")
    def results_view(self, request):
        """``results/``: the answers as charts, for those who may read them."""
        from surveys.views import results  # noqa: PLC0415 - serves the page

        return results(request, self)

    @path("results/csv/")
    def results_csv_view(self, request):
        """``results/csv/``: every answer, one row each, as a spreadsheet."""
        from surveys.views import results_csv  # noqa: PLC0415 - serves the file

        return results_csv(request, self)

    @path("edit/")
    def edit_view(self, request):
        """``edit/``: its creator (or staff) changes it; its questions only until the first
        answer."""
        from surveys.views import edit_survey  # noqa: PLC0415 - serves the form

        return edit_survey(request, self)

    @path("close/")
    def close_view(self, request):
        """``close/`` (POST): the creator, the community's moderators or staff close it now."""
        from surveys.views import close_survey  # noqa: PLC0415 - serves the action

        return close_survey(request, self)

    @path("delete/")
    def delete_view(self, request):
        """``delete/``: asks, then deletes the survey and its answers."""
        from surveys.views import delete_survey  # noqa: PLC0415 - serves the action

        return delete_survey(request, self)


class SurveyQuestion(AbstractFormField):
    """A question of a survey: the form builder's field, with the portal's question types."""

    page = ParentalKey(SurveyPage, on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("question type"), max_length=16, choices=QUESTION_TYPES)

    translatable_fields = translated("label", "help_text", "choices") + synchronized(
        "clean_name", "field_type", "required", "default_value"
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("field_type", classname="formbuilder-type"),
        FieldPanel("choices", classname="formbuilder-choices"),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def choice_list(self):
        """The choices of a choice question, as the form builder reads them."""
        separator = "\n" if "\n" in self.choices else ","
        return [choice.strip() for choice in self.choices.split(separator) if choice.strip()]


class SurveyResponse(AbstractFormSubmission):
    """One member's answers to a survey (the form builder's submission); ``respondent`` only
    when the survey's answers are named."""

    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")

    def get_data(self):
        """The answers, for the admin's list and export: with the respondent's name when
        answers are named."""
        data = super().get_data()
        if self.respondent_id:
            data["respondent"] = self.respondent.get_full_name() or self.respondent.email
        return data


class SurveyRespondent(models.Model):
    """That a member answered a survey (one row each: they answer once). No time and a
    random key, so an anonymous survey's row cannot be matched to the answer."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(SurveyPage, on_delete=models.CASCADE, related_name="respondents")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("survey respondent")
        verbose_name_plural = _("survey respondents")
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="one_answer_per_member")
        ]

    def __str__(self):
        return f"{self.user} · {self.survey}"


class SurveyNotice(models.Model):
    """That a survey's emails of one moment were sent (``surveys.tasks``): the invitations
    when it opened, the closing emails when it closed. One row each, so each is sent once; a
    table of its own, not a field of the page, which a revision published later would set
    back."""

    class Moment(models.TextChoices):
        OPENED = "opened", _("opened")
        CLOSED = "closed", _("closed")

    survey = models.ForeignKey(SurveyPage, on_delete=models.CASCADE, related_name="notices")
    moment = models.CharField(max_length=8, choices=Moment.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("survey notice")
        verbose_name_plural = _("survey notices")
        constraints = [
            models.UniqueConstraint(fields=["survey", "moment"], name="one_notice_per_moment")
        ]

    def __str__(self):
        return f"{self.survey} · {self.moment}"
