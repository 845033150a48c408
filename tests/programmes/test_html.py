"""The programme pages are valid HTML (the Nu HTML checker): the listing with its forms, a
profile with its coverage table, a country's page and the comparison table."""

from programmes.models import CoverageUnit, ProgrammeCoverage
from tests.nu_checker import nu_errors


def test_programme_pages_are_valid_html(client, programmes):
    bolsa, renta = programmes["bolsa"], programmes["renta"]
    bolsa.coverage_figures = [
        ProgrammeCoverage(figure=21_000_000, unit=CoverageUnit.FAMILIES, year=2023, source="MDS")
    ]
    bolsa.save_revision().publish()
    for url in (
        "/en/programmes/",
        "/es/programas/?target=children",
        bolsa.url,
        "/en/programmes/country/br/",
        f"/en/programmes/compare/?p={bolsa.pk}&p={renta.pk}",
        "/en/programmes/compare/?p=abc",
    ):
        response = client.get(url)
        assert response.status_code in (200, 400), url
        assert nu_errors(response.content.decode()) == [], url
