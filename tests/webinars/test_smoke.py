def test_pages_render(client, upcoming, past, series, webinar_index):
    for page in (webinar_index, series, upcoming, past):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
