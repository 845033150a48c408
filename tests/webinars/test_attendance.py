"""Attendance import from conferencing tools' messy CSV exports; audience figures."""

from django.core.management import call_command

from portal.factories import CountryFactory
from webinars.attendance import import_attendance
from webinars.models import Attendance
from webinars.registration import register
from webinars.stats import audience_figures


def _register_people(webinar):
    webinar.capacity = None
    webinar.save()
    brazil = CountryFactory()
    thailand = CountryFactory(name="Thailand", iso_code="TH")
    register(webinar, email="ana@example.org", name="Ana", country=brazil)
    register(webinar, email="somchai@example.org", name="Somchai", country=thailand)
    register(webinar, email="jose@example.org", name="José", country=brazil)
    register(webinar, email="nobody@example.org", name="No show")


def test_zoom_style_export_with_bom_title_lines_extra_columns_and_rejoins(upcoming):
    _register_people(upcoming)
    data = (
        "\ufeffAttendee Report\n"
        "Meeting ID,Topic\n"
        "123 456,Financial inclusion\n"
        "\n"
        "Attended,User Name (Original Name),First Name,Email,Time in Session (minutes),Country\n"
        "Yes,Ana,Ana,ANA@example.org,40,Brazil\n"
        "Yes,Ana,Ana,ana@example.org,20,Brazil\n"
        "Yes,Somchai,Somchai,somchai@example.org,55,Thailand\n"
        "Yes,Stranger,Str,stranger@example.org,10,Chile\n"
        "Yes,Broken,Bro,not-an-email,10,Chile\n"
        "Yes,Short\n"
    ).encode("utf-8")
    report = import_attendance(upcoming, data)
    # The stranger never registered: recorded all the same, and listed.
    assert report.matched == 3
    assert report.unmatched == [(9, "stranger@example.org")]
    assert Attendance.objects.get(email="stranger@example.org").registration is None
    assert [line for line, _reason in report.malformed] == [10, 11]
    ana = Attendance.objects.get(email="ana@example.org")
    assert ana.minutes == 60 and ana.registration.name == "Ana"


def test_latin1_semicolon_export_is_read(upcoming):
    _register_people(upcoming)
    data = "Nom;Prénom;Courriel;Durée\nSouza;José;jose@example.org;30\n".encode("latin-1")
    report = import_attendance(upcoming, data)
    assert report.matched == 1 and not report.malformed
    assert Attendance.objects.get().email == "jose@example.org"


def test_semicolon_export_with_a_title_line_is_read(upcoming):
    # A Webex-style export: a title line without the delimiter, then semicolons, and commas
    # inside the values that must not be taken for the delimiter.
    _register_people(upcoming)
    data = (
        "Informe de asistencia: Inclusión financiera, sesión 2\n"
        "Nombre;Correo electrónico;Duración;Comentario\n"
        "Ana;ana@example.org;45;llegó tarde, se quedó\n"
        "Somchai;somchai@example.org;30 min;\n"
    ).encode()
    report = import_attendance(upcoming, data)
    assert (report.matched, report.malformed, report.unmatched) == (2, [], [])
    minutes = dict(Attendance.objects.values_list("email", "minutes"))
    assert minutes == {"ana@example.org": 45, "somchai@example.org": 30}


def test_file_without_email_column_is_reported_malformed(upcoming):
    report = import_attendance(upcoming, b"name,minutes\nAna,30\n")
    assert report.malformed and report.matched == 0


def test_importing_twice_updates_instead_of_duplicating(upcoming):
    _register_people(upcoming)
    data = b"email\nana@example.org\n"
    import_attendance(upcoming, data)
    report = import_attendance(upcoming, data)
    assert (report.matched, report.already) == (0, 1)
    assert Attendance.objects.count() == 1


def test_figures_registrants_attendees_rate_and_countries(upcoming, past):
    _register_people(upcoming)
    import_attendance(
        upcoming, b"email\nana@example.org\nsomchai@example.org\nwalk-in@example.org\n"
    )
    figures = audience_figures([upcoming.translation_key])
    assert figures["registrants"] == 4
    # The walk-in attended; the rate counts registrants who came.
    assert (figures["attendees"], figures["walk_ins"]) == (3, 1)
    assert figures["rate"] == 50
    assert figures["countries"] == 2
    series_figures = audience_figures([upcoming.translation_key, past.translation_key])
    assert series_figures["registrants"] == 4


def test_import_command_reports_unmatched_and_fails_on_malformed(upcoming, tmp_path, capsys):
    _register_people(upcoming)
    path = tmp_path / "report.csv"
    path.write_bytes(b"Email,Extra\nana@example.org,x\nghost@example.org,y\n")
    call_command("import_attendance", str(upcoming.pk), str(path))
    out = capsys.readouterr().out
    assert "2 new" in out and "ghost@example.org attended without registering" in out
    path.write_bytes(b"Email\nbad-email\n")
    try:
        call_command("import_attendance", upcoming.slug, str(path))
    except SystemExit as exit_:
        assert exit_.code == 1
    else:
        raise AssertionError("a malformed row must make the command fail")
