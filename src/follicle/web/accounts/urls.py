from django.contrib.auth import views as auth_views
from django.urls import path

from follicle.web.accounts import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("check-email/", views.check_email, name="check_email"),
    path("verify/<str:uidb64>/<str:token>/", views.verify, name="verify"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("home/", views.home, name="home"),
    path("two-factor/", views.two_factor, name="two_factor"),
    path("two-factor/turn-on/", views.second_factor_on, name="second_factor_on"),
    path("two-factor/turn-off/", views.second_factor_off, name="second_factor_off"),
    path("security/", views.security, name="security"),
    path("security/sign-out-others/", views.end_other_sessions, name="end_other_sessions"),
    path("password/", views.password_change, name="password_change"),
    path("profile/", views.profile, name="profile"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="follicle/accounts/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="follicle/accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
