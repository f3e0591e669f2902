from django.urls import path

from deltagare import views

app_name = "deltagare"

urlpatterns = [
    path("", views.OversiktView.as_view(), name="oversikt"),
    path("lista/", views.InskrivningListView.as_view(), name="inskrivning-list"),
    path("sok/", views.SokView.as_view(), name="sok"),
    path("ny/", views.AktualiseringView.as_view(), name="aktualisering"),
    path("anonym/", views.AnonymView.as_view(), name="anonym"),
    path("registerutdrag/", views.RegisterutdragView.as_view(), name="registerutdrag"),
    path("grupp/<uuid:uuid>/", views.GruppaktivitetView.as_view(), name="gruppaktivitet"),
    path("<uuid:uuid>/", views.InskrivningDetailView.as_view(), name="inskrivning-detail"),
    path(
        "<uuid:uuid>/personuppgifter/",
        views.PersonuppgifterView.as_view(),
        name="personuppgifter",
    ),
    path("<uuid:uuid>/samtycke/", views.SamtyckeView.as_view(), name="samtycke"),
    path(
        "samtycke/<uuid:uuid>/aterkalla/",
        views.SamtyckeAterkallaView.as_view(),
        name="samtycke-aterkalla",
    ),
    path(
        "samtycke/<uuid:uuid>/blankett/",
        views.SamtyckeBlankettView.as_view(),
        name="samtycke-blankett",
    ),
    path("<uuid:uuid>/skriv-in/", views.SkrivInView.as_view(), name="skriv-in"),
    path("<uuid:uuid>/samtal/", views.SamtalView.as_view(), name="samtal"),
    path("<uuid:uuid>/kartlaggning/", views.KartlaggningView.as_view(), name="kartlaggning"),
    path(
        "<uuid:uuid>/kartlaggning/klar/",
        views.KartlaggningKlarView.as_view(),
        name="kartlaggning-klar",
    ),
    path("<uuid:uuid>/handlingsplan/", views.HandlingsplanView.as_view(), name="handlingsplan"),
    path(
        "<uuid:uuid>/handlingsplan/jamfor/",
        views.HandlingsplanJamforView.as_view(),
        name="handlingsplan-jamfor",
    ),
    path(
        "<uuid:uuid>/handlingsplan/<int:version>/pdf/",
        views.HandlingsplanPdfView.as_view(),
        name="handlingsplan-pdf",
    ),
    path(
        "<uuid:uuid>/paborja-insatser/",
        views.InsatserPaborjaView.as_view(),
        name="insatser-paborja",
    ),
    path("<uuid:uuid>/aktivitet/", views.AktivitetView.as_view(), name="aktivitet"),
    path("<uuid:uuid>/kontakt/", views.KontaktView.as_view(), name="kontakt"),
    path("<uuid:uuid>/forlang/", views.ForlangView.as_view(), name="forlang"),
    path("<uuid:uuid>/avsluta/", views.AvslutaView.as_view(), name="avsluta"),
    path(
        "<uuid:uuid>/overlamning/pdf/", views.OverlamningPdfView.as_view(), name="overlamning-pdf"
    ),
    path("<uuid:uuid>/uppfoljning/", views.UppfoljningView.as_view(), name="uppfoljning"),
    path(
        "<uuid:uuid>/gallringsstopp/",
        views.GallringsstoppView.as_view(),
        name="gallringsstopp",
    ),
]
