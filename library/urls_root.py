"""URLs of the library outside the language prefix (mounted by the project's URLconf)."""

from django.urls import path

from library.oai import oai_view

urlpatterns = [
    # The OAI-PMH interface: harvesters get every language's publications at one base URL.
    path("oai/", oai_view, name="oai"),
]
