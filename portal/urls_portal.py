"""Members' URLs under every language prefix: profile, notifications, directory, unlock link."""

from django.urls import path

from portal import views

app_name = "portal"

urlpatterns = [
    path("profile/", views.profile_edit, name="profile"),
    path("profile/notifications/", views.notification_settings, name="notification_settings"),
    path("members/", views.member_directory, name="member_directory"),
    path("members/<int:pk>/", views.member_detail, name="member_detail"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("accounts/trust-browser/<str:token>/", views.login_unlock, name="login_unlock"),
]
