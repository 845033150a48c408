"""Bulk import: CSV and JSON, idempotent on the identifier, rejected rows with reasons."""

import json

import pytest
from django.core.management import CommandError, call_command

from library.models import PublicationPage
from tests.library.conftest import make_pdf

CSV = """identifier,locale,title,abstract,year,type,themes,countries,organisations,languages,keywords,files,members_only
pub-1,en,Bolsa Familia review,A review of the programme.,2019,report,cct,BR,ipc-ig,en;es,poverty;Brazil,bf.pdf,false
pub-2,es,Prospera en México,Un análisis del programa.,2016,policy-brief,cash-transfers,MX,ilo,es,,,yes
pub-3,en,No year,An abstract.,,report,,,,,,,
pub-4,en,Bad theme,An abstract.,2020,report,no-such-theme,,,,,,
pub-5,en,Missing file,An abstract.,2020,report,,,,,,missing.pdf,
pub-1,en,Duplicate row,An abstract.,2020,,,,,,,,
"""


@pytest.fixture
def import_dir(tmp_path, taxonomy, library):
    (tmp_path / "bf.pdf").write_bytes(make_pdf("Bolsa Familia household survey"))
    path = tmp_path / "publications.csv"
    path.write_text(CSV, encoding="utf-8")
    return tmp_path


def run(path, capsys):
    try:
        call_command("import_publications", str(path))
        failed = False
    except CommandError:
        failed = True
    return failed, capsys.readouterr().out


def test_csv_import_creates_publications_and_reports_rejected_rows(import_dir, capsys):
    failed, out = run(import_dir / "publications.csv", capsys)
    assert failed  # rejected rows make the command exit with an error status
    assert "2 created, 0 updated, 0 unchanged, 4 rejected" in out
    assert "row 3 (pub-3): year is not a number" in out
    assert "row 4 (pub-4): unknown theme 'no-such-theme'" in out
    assert "row 5 (pub-5): file not found: 'missing.pdf'" in out
    assert "row 6 (pub-1): duplicate identifier in this file" in out
    assert "[##############################] 6/6" in out
    bf = PublicationPage.objects.get(import_identifier="pub-1")
    assert bf.live and bf.locale.language_code == "en"
    assert sorted(bf.keywords.names()) == ["Brazil", "poverty"]
    assert [r.slug for r in bf.regions.all()] == ["lac"]
    assert bf.files.count() == 1
    assert "household survey" in bf.extracted_text  # extracted by the background task
    prospera = PublicationPage.objects.get(import_identifier="pub-2")
    assert prospera.locale.language_code == "es" and prospera.members_only
    assert prospera.get_parent().specific.locale.language_code == "es"


def test_import_is_idempotent_and_updates_changed_rows(import_dir, capsys):
    run(import_dir / "publications.csv", capsys)
    revisions = PublicationPage.objects.get(import_identifier="pub-1").revisions.count()
    _failed, out = run(import_dir / "publications.csv", capsys)
    assert "0 created, 0 updated, 2 unchanged, 4 rejected" in out
    assert PublicationPage.objects.count() == 2
    assert PublicationPage.objects.get(import_identifier="pub-1").revisions.count() == revisions
    (import_dir / "publications.csv").write_text(
        CSV.replace("A review of the programme.", "A new abstract."), encoding="utf-8"
    )
    _failed, out = run(import_dir / "publications.csv", capsys)
    assert "0 created, 1 updated, 1 unchanged" in out
    assert PublicationPage.objects.get(import_identifier="pub-1").abstract == "A new abstract."


def test_json_import(tmp_path, taxonomy, library, capsys):
    rows = [
        {
            "identifier": "j-1",
            "title": "Health insurance in Kenya",
            "abstract": "On cover.",
            "year": 2021,
            "themes": ["health"],
            "countries": ["KE"],
            "authors": ["Otieno, Brian"],
        }
    ]
    path = tmp_path / "pubs.json"
    path.write_text(json.dumps({"publications": rows}), encoding="utf-8")
    failed, out = run(path, capsys)
    assert not failed and "1 created" in out
    page = PublicationPage.objects.get(import_identifier="j-1")
    assert page.author_list() == ["Otieno, Brian"]


def test_import_refuses_unknown_file_types(tmp_path, db):
    path = tmp_path / "pubs.xml"
    path.write_text("<x/>")
    with pytest.raises(CommandError):
        call_command("import_publications", str(path))
