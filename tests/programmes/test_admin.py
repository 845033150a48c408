"""Editors manage programmes in the Wagtail admin: the profile's grouped panels, and the
programme types and target groups as translatable snippets."""

import pytest
from bs4 import BeautifulSoup


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


def test_editors_edit_a_programme_with_grouped_panels(admin_client, programmes):
    response = admin_client.get(f"/admin/pages/{programmes['bolsa'].pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("Classification", "Dates, institutions and legal basis", "Coverage", "Links"):
        assert heading in html
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('[name="year_started"]')["value"] == "2003"


def test_editors_can_add_a_programme_under_the_index(admin_client, programme_index):
    url = f"/admin/pages/add/programmes/programmepage/{programme_index.pk}/"
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize("model", ["programmetype", "targetgroup"])
def test_programme_taxonomy_is_listed_as_snippets(admin_client, terms, model):
    response = admin_client.get(f"/admin/snippets/programmes/{model}/")
    assert response.status_code == 200
    assert ("Social pension" if model == "programmetype" else "Older persons") in (
        response.content.decode()
    )
