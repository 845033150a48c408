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


def test_semicolon_export_with_a_title_line_that_mentions_email_is_read(upcoming):
    # The title line names the email column: it must not be taken for the header.
    _register_people(upcoming)
    data = b"Participants by email, 12 March\nName;Email;Duration\nAna;ana@example.org;45\n"
    report = import_attendance(upcoming, data)
    assert (report.matched, report.malformed) == (1, [])
    assert Attendance.objects.get().minutes == 45


def test_latin1_semicolon_export_with_a_title_line_and_quoted_values_is_read(upcoming):
    _register_people(upcoming)
    data = (
        "Rapport de présence, webinaire du 12/03\n"
        '"Nom";"Adresse e-mail";"Durée"\n'
        '"Souza, José";"jose@example.org";"1 h 5 min"\n'
    ).encode("latin-1")
    report = import_attendance(upcoming, data)
    assert (report.matched, report.malformed, report.unmatched) == (1, [], [])
    attendance = Attendance.objects.get()
    assert (attendance.email, attendance.minutes, attendance.name) == (
        "jose@example.org",
        65,
        "Souza, José",
    )


def test_utf8_bom_semicolon_export_with_a_title_line_is_read(upcoming):
    _register_people(upcoming)
    data = "\ufeffInforme de asistencia\nNombre;Correo;Duración\nAna;ana@example.org;45\n"
    report = import_attendance(upcoming, data.encode("utf-8"))
    assert (report.matched, report.malformed) == (1, [])


def test_zoom_export_reads_the_attendee_block_not_the_summary_or_hosts(upcoming):
    _register_people(upcoming)
    data = (
        b"Attendee Report\n"
        b'Report Generated:,"Mar 12, 2026 16:00:00"\n'
        b"Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered\n"
        b'"Financial inclusion",812 3456 7890,"Mar 12, 2026 14:00:00",62,4\n'
        b"Host Details,,,,,\n"
        b"Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes)\n"
        b"Yes,Host,host@example.org,14:00,15:02,62\n"
        b"Panelist Details,,,,,\n"
        b"Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes)\n"
        b"Attendee Details,,,,,\n"
        b"Attended,User Name (Original Name),First Name,Last Name,Email,Time in Session (minutes)\n"
        b"Yes,Ana S,Ana,Souza,ana@example.org,40\n"
        b"Yes,Ana S,Ana,Souza,ana@example.org,12\n"
        b"No,No show,No,Show,nobody@example.org,\n"
        b"Yes,Walk In,Walk,In,walk-in@example.org,30\n"
    )
    report = import_attendance(upcoming, data)
    assert (report.matched, report.absent, report.malformed) == (2, 1, [])
    assert report.unmatched == [(15, "walk-in@example.org")]
    rows = {a.email: a for a in Attendance.objects.all()}
    assert set(rows) == {"ana@example.org", "walk-in@example.org"}
    assert rows["ana@example.org"].minutes == 52 and rows["ana@example.org"].registration
    walk_in = rows["walk-in@example.org"]
    assert (walk_in.registration, walk_in.name, walk_in.minutes) == (None, "Walk In", 30)


def test_teams_utf16_tab_export_reads_the_participants_and_their_durations(upcoming):
    _register_people(upcoming)
    data = (
        "1. Summary\n"
        "Meeting title\tFinancial inclusion\n"
        "Attended participants\t2\n"
        "\n"
        "2. Participants\n"
        "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tRole\n"
        "Somchai\t3/12/26, 2:00 PM\t3/12/26, 3:01 PM\t1h 1m 20s\tsomchai@example.org\tAttendee\n"
        "Guest\t3/12/26, 2:05 PM\t3/12/26, 2:30 PM\t25m 10s\tguest@example.org\tAttendee\n"
        "\n"
        "3. In-Meeting Activities\n"
        "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\n"
        "Somchai\t3/12/26, 2:00 PM\t3/12/26, 3:01 PM\t1h 1m 20s\tsomchai@example.org\tAttendee\n"
    ).encode("utf-16")
    report = import_attendance(upcoming, data)
    assert (report.matched, report.malformed) == (2, [])
    assert dict(Attendance.objects.values_list("email", "minutes")) == {
        "somchai@example.org": 61,
        "guest@example.org": 25,
    }
    assert report.unmatched == [(8, "guest@example.org")]


def test_gotowebinar_and_webex_durations_are_read():
    from webinars.attendance import parse_minutes

    assert parse_minutes("1 hour 5 minutes") == 65
    assert parse_minutes("45 mins") == 45
    assert parse_minutes("01:02:03") == 62
    assert parse_minutes("0:45") == 45
    assert parse_minutes("30") == 30
    assert parse_minutes("") is None and parse_minutes("n/a") is None


def test_attendees_without_registration_show_in_the_figures_and_the_import_report(
    client, admin_user, upcoming
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    _register_people(upcoming)
    client.force_login(admin_user)
    upload = SimpleUploadedFile(
        "report.csv", b"Report\nName;Email\nAna;ana@example.org\nWalk In;walk@example.org\n"
    )
    html = client.post(
        "/admin/webinars/attendance/", {"webinar": upcoming.pk, "file": upload}
    ).content.decode()
    assert "1 of them attended without registration." in html and "walk@example.org" in html
    figures = client.get("/admin/webinars/figures/").content.decode()
    assert "Attendees without registration" in figures
    assert "(1 without registration)" in figures
