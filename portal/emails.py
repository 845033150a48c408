"""The one shape of every email the portal sends: a plain-text part and an HTML part.

Emails are written once, as text templates (``<name>.txt``), rendered by the ``text``
template engine, which does not HTML-escape: a member reads "women's" and "Welcome & thanks",
never ``women&#x27;s``. The HTML part is that same text in a small, accessible page
(``portal/emails/message.html``): paragraphs and links made from the text, the recipient's
language on the root element, system fonts, no remote images, fonts or styles, so it reads
the same offline and in every mail client.

:mod:`portal.notifications` decides who is emailed, when and in which language; the
allauth adapter (:mod:`portal.accounts`) sends allauth's messages through :func:`compose`
too.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from portal.sharing import site_name

TEXT_ENGINE = "text"


def render_text(template, context):
    """A text template rendered without HTML escaping (the ``text`` engine)."""
    return render_to_string(template, context, using=TEXT_ENGINE)


def render_subject(template, context):
    """A subject template on one line."""
    return " ".join(render_text(template, context).split())


def html_body(subject, text, footer="", language=None):
    """The HTML part: ``text`` (and ``footer``) as paragraphs with their links."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        return render_to_string(
            "portal/emails/message.html",
            {
                "subject": subject,
                "text": text,
                "footer": footer,
                "language": language,
                "bidi": translation.get_language_bidi(),
                "site_name": site_name(),
            },
        )


def compose(to, subject, text, *, language=None, footer="", headers=None, attachments=()):
    """An email with a text and an HTML part; ``attachments`` are (filename, content,
    mimetype) triples. The caller sends it (``message.send()``)."""
    body = text.strip() + (f"\n\n{footer.strip()}" if footer.strip() else "") + "\n"
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to] if isinstance(to, str) else list(to),
        headers=headers or {},
    )
    # The text part's signature separator ("-- ") is for text mail readers only.
    html_footer = footer.strip().removeprefix("--").strip()
    message.attach_alternative(html_body(subject, text, html_footer, language), "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message
