import pytest

pytestmark = pytest.mark.django_db


def test_pages_render(client, communities, people):
    client.force_login(people["member"])
    for setting, items in communities.items():
        url = items["community"].url
        for suffix in [
            "",
            "announcements/",
            "discussions/",
            "files/",
            "calendar/",
            "members/",
            "working-groups/",
            f"discussions/{items['thread'].pk}/",
            f"calendar/{items['event'].pk}/",
            f"calendar/{items['event'].pk}/ics/",
            f"announcements/{items['announcement'].pk}/",
        ]:
            r = client.get(url + suffix)
            assert r.status_code == 200, (setting, suffix, r.status_code)
        assert client.get(items["resource"].url).status_code == 200
    client.force_login(people["admin"])
    assert client.get(communities["public"]["community"].url + "manage/").status_code == 200
    assert client.get(communities["public"]["community"].get_parent().url).status_code == 200
