from django.urls import path

from deltagare.views import (
    aktualisering,
    avslut,
    handlingsplan,
    insatser,
    inskrivning,
    kartlaggning,
    lista,
    registerutdrag,
    samtycke,
)

app_name = "deltagare"

urlpatterns = [
    path("", lista.OversiktView.as_view(), name="oversikt"),
    path("lista/", lista.InskrivningListView.as_view(), name="inskrivning-list"),
    path("sok/", lista.SokView.as_view(), name="sok"),
    path("ny/", aktualisering.AktualiseringView.as_view(), name="aktualisering"),
    path("anonym/", aktualisering.AnonymView.as_view(), name="anonym"),
    path("registerutdrag/", registerutdrag.RegisterutdragView.as_view(), name="registerutdrag"),
    path("grupp/<uuid:uuid>/", insatser.GruppaktivitetView.as_view(), name="gruppaktivitet"),
    path("<uuid:uuid>/", inskrivning.InskrivningDetailView.as_view(), name="inskrivning-detail"),
    path(
        "<uuid:uuid>/personuppgifter/",
        aktualisering.PersonuppgifterView.as_view(),
        name="personuppgifter",
    ),
    path("<uuid:uuid>/samtycke/", samtycke.SamtyckeView.as_view(), name="samtycke"),
    path(
        "samtycke/<uuid:uuid>/aterkalla/",
        samtycke.SamtyckeAterkallaView.as_view(),
        name="samtycke-aterkalla",
    ),
    path(
        "samtycke/<uuid:uuid>/blankett/",
        samtycke.SamtyckeBlankettView.as_view(),
        name="samtycke-blankett",
    ),
    path("<uuid:uuid>/skriv-in/", inskrivning.SkrivInView.as_view(), name="skriv-in"),
    path("<uuid:uuid>/samtal/", kartlaggning.SamtalView.as_view(), name="samtal"),
    path("<uuid:uuid>/kartlaggning/", kartlaggning.KartlaggningView.as_view(), name="kartlaggning"),
    path(
        "<uuid:uuid>/kartlaggning/klar/",
        kartlaggning.KartlaggningKlarView.as_view(),
        name="kartlaggning-klar",
    ),
    path(
        "<uuid:uuid>/handlingsplan/",
        handlingsplan.HandlingsplanView.as_view(),
        name="handlingsplan",
    ),
    path(
        "<uuid:uuid>/handlingsplan/jamfor/",
        handlingsplan.HandlingsplanJamforView.as_view(),
        name="handlingsplan-jamfor",
    ),
    path(
        "<uuid:uuid>/handlingsplan/<int:version>/pdf/",
        handlingsplan.HandlingsplanPdfView.as_view(),
        name="handlingsplan-pdf",
    ),
    path(
        "<uuid:uuid>/paborja-insatser/",
        insatser.InsatserPaborjaView.as_view(),
        name="insatser-paborja",
    ),
    path("<uuid:uuid>/aktivitet/", insatser.AktivitetView.as_view(), name="aktivitet"),
    path("<uuid:uuid>/kontakt/", insatser.KontaktView.as_view(), name="kontakt"),
    path("<uuid:uuid>/forlang/", inskrivning.ForlangView.as_view(), name="forlang"),
    path("<uuid:uuid>/avsluta/", avslut.AvslutaView.as_view(), name="avsluta"),
    path(
        "<uuid:uuid>/overlamning/pdf/", avslut.OverlamningPdfView.as_view(), name="overlamning-pdf"
    ),
    path("<uuid:uuid>/uppfoljning/", avslut.UppfoljningView.as_view(), name="uppfoljning"),
    path(
        "<uuid:uuid>/gallringsstopp/",
        inskrivning.GallringsstoppView.as_view(),
        name="gallringsstopp",
    ),
]
