"""Choosing taxonomy terms in forms: each term once, in the chooser's language.

Content points at the source-language rows of a taxonomy (``portal.translation``). A form
field over a translatable snippet therefore offers those rows only, labelled and sorted in
the active language (an editor's admin language, a member's interface language), so
"World Bank", "Banco Mundial" and "Banque mondiale" are one choice, not three. A theme is
labelled with the themes above it ("Social assistance › Cash transfers").

:class:`SourceTermsPageForm` and :class:`SourceTermsModelForm` apply this to every such
field of an admin form; ``BasePage`` and the taxonomy snippets use them.
"""

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from portal.labels import term_label
from portal.text import fold
from portal.translation import is_term_model, source_language


def term_path_label(term, by_pk=None):
    """``term``'s label in the active language, after its ancestors' (a theme's parents).

    ``by_pk`` ({pk: term}) resolves parents without a query; without it the parent relation
    is followed.
    """
    labels, seen = [], set()
    while term is not None and term.pk not in seen:
        seen.add(term.pk)
        labels.append(term_label(term))
        parent_id = getattr(term, "parent_id", None)
        if parent_id is None:
            break
        term = by_pk.get(parent_id) if by_pk is not None else term.parent
    return " › ".join(reversed(labels))


class TermChoiceIterator(ModelChoiceIterator):
    """Choices of a term field sorted by their label in the active language (one query)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        terms = list(self.queryset)
        by_pk = {term.pk: term for term in terms}
        labelled = [(term_path_label(term, by_pk), term) for term in terms]
        labelled.sort(key=lambda pair: fold(pair[0]))
        for label, term in labelled:
            yield (ModelChoiceIteratorValue(self.field.prepare_value(term), term), label)


def offer_source_terms(field, model):
    """Make the choice ``field`` offer ``model``'s source-language rows, labelled in the
    active language. A chooser widget (a snippet chooser lists every locale's rows) becomes
    a select: a taxonomy is small."""
    if not isinstance(field.widget, forms.widgets.ChoiceWidget):
        field.widget = forms.Select()
    field.queryset = model._default_manager.filter(locale__language_code=source_language())
    field.iterator = TermChoiceIterator
    field.widget.choices = field.choices
    field.label_from_instance = term_path_label


def offer_source_terms_in(form):
    """Apply :func:`offer_source_terms` to every field of ``form`` over a translatable
    snippet."""
    model = form._meta.model
    for name, field in form.fields.items():
        if not isinstance(field, forms.ModelChoiceField):
            continue
        try:
            related = model._meta.get_field(name).related_model
        except FieldDoesNotExist:
            continue
        if related is not None and is_term_model(related):
            offer_source_terms(field, related)


class SourceTermsPageForm(WagtailAdminPageForm):
    """The admin form of the portal's pages: taxonomy fields offer source-language terms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_source_terms_in(self)


class SourceTermsModelForm(WagtailAdminModelForm):
    """The admin form of translatable snippets that point at other terms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_source_terms_in(self)
