"""Members' URLs under every language prefix: profile, notifications, following and the
timeline, saved searches, directory, unlock link."""

from django.urls import path

from portal import follow_views, saved_search_views, views

app_name = "portal"

urlpatterns = [
    path("profile/", views.profile_edit, name="profile"),
    path("profile/notifications/", views.notification_settings, name="notification_settings"),
    path("profile/following/", follow_views.following_page, name="following"),
    path("follow/", follow_views.follow, name="follow"),
    path("my-portal/", follow_views.my_portal, name="my_portal"),
    path("profile/searches/", saved_search_views.saved_search_list, name="saved_searches"),
    path("profile/searches/save/", saved_search_views.save_search, name="save_search"),
    path(
        "profile/searches/<int:pk>/",
        saved_search_views.update_saved_search,
        name="update_saved_search",
    ),
    path(
        "profile/searches/<int:pk>/delete/",
        saved_search_views.delete_saved_search,
        name="delete_saved_search",
    ),
    path(
        "profile/searches/<int:pk>/open/",
        saved_search_views.open_saved_search,
        name="open_saved_search",
    ),
    path("members/", views.member_directory, name="member_directory"),
    path("members/<int:pk>/", views.member_detail, name="member_detail"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("accounts/trust-browser/<str:token>/", views.login_unlock, name="login_unlock"),
]
