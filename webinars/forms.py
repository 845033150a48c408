"""Forms readers fill in: guest registration and attendance import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.labels import term_label
from portal.locales import default_locale
from portal.models import Country

from .models import WebinarPage


class CountryChoiceField(forms.ModelChoiceField):
    """A country select whose options are the countries' names in the active language."""

    def label_from_instance(self, obj):
        """The country's name in the active language."""
        return term_label(obj)


class GuestRegistrationForm(forms.Form):
    """Registration for someone without an account."""

    name = forms.CharField(label=_("Full name"), max_length=160)
    email = forms.EmailField(label=_("Email"))
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    country = CountryChoiceField(
        label=_("Country"),
        queryset=Country.objects.none(),
        required=False,
        empty_label=_("Choose a country"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.filter(locale=default_locale()).order_by(
            "name"
        )


class AttendanceImportForm(forms.Form):
    """The attendance report of a conferencing tool (CSV with an email column)."""

    webinar = forms.ModelChoiceField(label=_("Webinar"), queryset=None)
    file = forms.FileField(
        label=_("Attendance report (CSV)"),
        help_text=_("A CSV file with one row per attendee and a column holding the email."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["webinar"].queryset = WebinarPage.objects.filter(
            locale=default_locale()
        ).order_by("-starts_at")
