from django.urls import path

from styrelse import views

app_name = "styrelse"

urlpatterns = [
    # The board portal and the office's meetings.
    path("", views.SammantradeListView.as_view(), name="sammantrade-list"),
    path("sammantraden/nytt/", views.SammantradeCreateView.as_view(), name="sammantrade-create"),
    path(
        "sammantraden/<uuid:uuid>/",
        views.SammantradeDetailView.as_view(),
        name="sammantrade-detail",
    ),
    path(
        "sammantraden/<uuid:uuid>/narvaro/",
        views.NarvaroCreateView.as_view(),
        name="narvaro-create",
    ),
    path(
        "sammantraden/<uuid:uuid>/narvaro/<int:pk>/",
        views.NarvaroUpdateView.as_view(),
        name="narvaro-update",
    ),
    path(
        "sammantraden/<uuid:uuid>/narvaro/<int:pk>/ta-bort/",
        views.NarvaroDeleteView.as_view(),
        name="narvaro-delete",
    ),
    path(
        "sammantraden/<uuid:uuid>/arenden/nytt/",
        views.ArendeCreateView.as_view(),
        name="arende-create",
    ),
    path(
        "sammantraden/<uuid:uuid>/kallelse/",
        views.SammantradeKallelseView.as_view(),
        name="sammantrade-kallelse",
    ),
    path(
        "sammantraden/<uuid:uuid>/uppratta/",
        views.SammantradeUpprattaView.as_view(),
        name="sammantrade-uppratta",
    ),
    path(
        "sammantraden/<uuid:uuid>/justera/",
        views.SammantradeJusteraView.as_view(),
        name="sammantrade-justera",
    ),
    path(
        "sammantraden/<uuid:uuid>/publicera/",
        views.SammantradePubliceraView.as_view(),
        name="sammantrade-publicera",
    ),
    path("arenden/<uuid:uuid>/andra/", views.ArendeUpdateView.as_view(), name="arende-update"),
    path("arenden/<uuid:uuid>/ta-bort/", views.ArendeDeleteView.as_view(), name="arende-delete"),
    path("arenden/<uuid:uuid>/beslut/", views.ArendeBeslutView.as_view(), name="arende-beslut"),
    path("arenden/<uuid:uuid>/utdrag/", views.ArendeUtdragView.as_view(), name="arende-utdrag"),
    path("protokoll/<uuid:uuid>/", views.ProtokollPdfView.as_view(), name="protokoll-pdf"),
    path("ekonomi/", views.EkonomiView.as_view(), name="ekonomi"),
    # Applications: the applicant's and the office's.
    path("ansokningar/", views.AnsokanListView.as_view(), name="ansokan-list"),
    path("ansokningar/ny/", views.AnsokanCreateView.as_view(), name="ansokan-create"),
    path("ansokningar/papper/", views.PappersansokanView.as_view(), name="ansokan-papper"),
    path(
        "ansokningar/bjud-in/",
        views.AnsokningsinbjudanView.as_view(),
        name="ansokan-inbjudan",
    ),
    path("ansokningar/<uuid:uuid>/", views.AnsokanDetailView.as_view(), name="ansokan-detail"),
    path(
        "ansokningar/<uuid:uuid>/del/<slug:sektion>/",
        views.AnsokanSektionView.as_view(),
        name="ansokan-sektion",
    ),
    path(
        "ansokningar/<uuid:uuid>/budget/", views.AnsokanBudgetView.as_view(), name="ansokan-budget"
    ),
    path(
        "ansokningar/<uuid:uuid>/bilagor/", views.AnsokanBilagaView.as_view(), name="ansokan-bilaga"
    ),
    path(
        "ansokningar/<uuid:uuid>/skicka/", views.AnsokanSkickaView.as_view(), name="ansokan-skicka"
    ),
    path(
        "ansokningar/<uuid:uuid>/beredning/",
        views.AnsokanBeredningView.as_view(),
        name="ansokan-beredning",
    ),
]
