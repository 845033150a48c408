"""Forms for member accounts and profiles."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.labels import term_label
from portal.models import Country, MemberProfile, NotificationPreference, SavedSearch, Theme
from portal.models.members import Frequency, NotificationKind
from portal.params import clean_text, parse_int
from portal.terms import offer_source_terms


class TermMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Taxonomy terms chosen by id, labelled in the reader's language.

    A value no row's id can be (text, or a number too large for a database column) is an
    invalid choice: Django would hand a huge number to the database's ``IN`` and fail.
    """

    def label_from_instance(self, obj):
        """The term's label in the active language."""
        return term_label(obj)

    def _check_values(self, value):
        if self.to_field_name is None and not isinstance(value, str):
            for pk in value:
                if parse_int(pk) is None:
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super()._check_values(value)


class TermChoiceField(forms.ModelChoiceField):
    """One taxonomy term chosen by id (or ``to_field_name``), labelled in the reader's
    language; a value no row's id can be is an invalid choice (as in
    :class:`TermMultipleChoiceField`)."""

    def label_from_instance(self, obj):
        """The term's label in the active language."""
        return term_label(obj)

    def to_python(self, value):
        """The term, after refusing a value no id can be."""
        if self.to_field_name is None and value not in self.empty_values:
            if parse_int(value) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                )
        return super().to_python(value)


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form; the rest of the profile is edited later."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)

    def signup(self, request, user):
        """Saves the member's name, organisation and the sign-up language on their profile."""
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.save(update_fields=["first_name", "last_name"])
        profile, _created = MemberProfile.objects.get_or_create(user=user)
        profile.organisation = self.cleaned_data.get("organisation", "").strip()
        profile.preferred_language = (get_language() or settings.LANGUAGE_CODE)[:2]
        profile.save()


class UserNameForm(forms.ModelForm):
    """The member's first and last names, both required."""

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        labels = {"first_name": _("First name"), "last_name": _("Last name")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True


class ProfileForm(forms.ModelForm):
    """The member's profile; countries and themes offered from the source language."""

    class Meta:
        model = MemberProfile
        fields = [
            "organisation",
            "country",
            "expertise",
            "preferred_language",
            "bio",
            "photo",
            "show_in_directory",
        ]
        field_classes = {"expertise": TermMultipleChoiceField}
        widgets = {
            "expertise": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 5, "maxlength": 800}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_source_terms(self.fields["country"], Country)
        offer_source_terms(self.fields["expertise"], Theme)


def offered_kinds(user):
    """The kinds of notification ``user`` may receive, hence choose a frequency for.

    The editors' weekly translation report is asked for on the translation dashboard. A
    kind sent only to some members is left out for the others by the app that sends it,
    through the ``portal_notification_kinds`` hook: ``fn(user, kinds)`` returns the kinds
    to keep (the moderators' daily list, reports for community administrators).
    """
    kinds = [kind for kind in NotificationKind if kind != NotificationKind.TRANSLATIONS]
    for fn in hooks.get_hooks("portal_notification_kinds"):
        kinds = fn(user, kinds)
    return kinds


class NotificationPreferencesForm(forms.Form):
    """One choice of frequency per kind of notification the member may receive
    (:func:`offered_kinds`)."""

    # Each saved search has its own frequency (portal.saved_searches): here, only all or none.
    CHOICES = {
        NotificationKind.SAVED_SEARCHES: [
            (Frequency.IMMEDIATELY, _("As I chose for each saved search")),
            (Frequency.NEVER, Frequency.NEVER.label),
        ]
    }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.kinds = offered_kinds(user)
        current = dict(user.notification_preferences.values_list("kind", "frequency"))
        for kind in self.kinds:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=self.CHOICES.get(kind, Frequency.choices),
                initial=current.get(kind.value, Frequency.IMMEDIATELY),
                widget=forms.RadioSelect,
            )

    def save(self):
        """Stores the chosen frequency of each kind."""

        for kind in self.kinds:
            NotificationPreference.objects.update_or_create(
                user=self.user,
                kind=kind.value,
                defaults={"frequency": self.cleaned_data[kind.value]},
            )


class DirectoryFilterForm(forms.Form):
    """The member directory's filters: name or organisation, country, area of expertise."""

    q = forms.CharField(label=_("Name or organisation"), required=False, max_length=100)
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.none(),
        required=False,
        empty_label=_("Any country"),
    )
    expertise = forms.ModelChoiceField(
        label=_("Area of expertise"),
        queryset=Theme.objects.none(),
        required=False,
        empty_label=_("Any theme"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_source_terms(self.fields["country"], Country)
        offer_source_terms(self.fields["expertise"], Theme)


class SavedSearchForm(forms.ModelForm):
    """A saved search's name and how often its member hears of new results."""

    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]
        labels = {"name": _("Name"), "frequency": _("Tell me of new results")}
        error_messages = {"name": {"required": _("Give the search a name.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Ids unique on the page, which lists every saved search with its own form.
        self.auto_id = f"search-{self.instance.pk}-%s"

    def clean_name(self):
        """The name without surrounding or control characters; never empty."""
        name = clean_text(self.cleaned_data.get("name", ""), max_length=120)
        if not name:
            raise forms.ValidationError(_("Give the search a name."))
        return name
