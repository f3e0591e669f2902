from django.urls import path

from styrelse.views import ansokan, arende, ekonomi, inbjudan, protokoll, sammantrade

app_name = "styrelse"

urlpatterns = [
    # The board portal and the office's meetings.
    path("", sammantrade.SammantradeListView.as_view(), name="sammantrade-list"),
    path(
        "sammantraden/nytt/",
        sammantrade.SammantradeCreateView.as_view(),
        name="sammantrade-create",
    ),
    path(
        "sammantraden/<uuid:uuid>/",
        sammantrade.SammantradeDetailView.as_view(),
        name="sammantrade-detail",
    ),
    path(
        "sammantraden/<uuid:uuid>/narvaro/",
        sammantrade.NarvaroCreateView.as_view(),
        name="narvaro-create",
    ),
    path(
        "sammantraden/<uuid:uuid>/narvaro/<int:pk>/",
        sammantrade.NarvaroUpdateView.as_view(),
        name="narvaro-update",
    ),
    path(
        "sammantraden/<uuid:uuid>/narvaro/<int:pk>/ta-bort/",
        sammantrade.NarvaroDeleteView.as_view(),
        name="narvaro-delete",
    ),
    path(
        "sammantraden/<uuid:uuid>/kallelse/",
        sammantrade.SammantradeKallelseView.as_view(),
        name="sammantrade-kallelse",
    ),
    # The protocol.
    path(
        "sammantraden/<uuid:uuid>/uppratta/",
        protokoll.SammantradeUpprattaView.as_view(),
        name="sammantrade-uppratta",
    ),
    path(
        "sammantraden/<uuid:uuid>/justera/",
        protokoll.SammantradeJusteraView.as_view(),
        name="sammantrade-justera",
    ),
    path(
        "sammantraden/<uuid:uuid>/publicera/",
        protokoll.SammantradePubliceraView.as_view(),
        name="sammantrade-publicera",
    ),
    path("protokoll/<uuid:uuid>/", protokoll.ProtokollPdfView.as_view(), name="protokoll-pdf"),
    path("arenden/<uuid:uuid>/utdrag/", protokoll.ArendeUtdragView.as_view(), name="arende-utdrag"),
    # Agenda items and their decisions.
    path(
        "sammantraden/<uuid:uuid>/arenden/nytt/",
        arende.ArendeCreateView.as_view(),
        name="arende-create",
    ),
    path("arenden/<uuid:uuid>/andra/", arende.ArendeUpdateView.as_view(), name="arende-update"),
    path("arenden/<uuid:uuid>/ta-bort/", arende.ArendeDeleteView.as_view(), name="arende-delete"),
    path("arenden/<uuid:uuid>/beslut/", arende.ArendeBeslutView.as_view(), name="arende-beslut"),
    # The förbund's economy.
    path("ekonomi/", ekonomi.EkonomiView.as_view(), name="ekonomi"),
    # Applications: the applicant's and the office's.
    path("ansokningar/", ansokan.AnsokanListView.as_view(), name="ansokan-list"),
    path("ansokningar/ny/", ansokan.AnsokanCreateView.as_view(), name="ansokan-create"),
    path("ansokningar/papper/", ansokan.PappersansokanView.as_view(), name="ansokan-papper"),
    path(
        "ansokningar/bjud-in/",
        inbjudan.AnsokningsinbjudanView.as_view(),
        name="ansokan-inbjudan",
    ),
    path("ansokningar/<uuid:uuid>/", ansokan.AnsokanDetailView.as_view(), name="ansokan-detail"),
    path(
        "ansokningar/<uuid:uuid>/del/<slug:sektion>/",
        ansokan.AnsokanSektionView.as_view(),
        name="ansokan-sektion",
    ),
    path(
        "ansokningar/<uuid:uuid>/budget/",
        ansokan.AnsokanBudgetView.as_view(),
        name="ansokan-budget",
    ),
    path(
        "ansokningar/<uuid:uuid>/bilagor/",
        ansokan.AnsokanBilagaView.as_view(),
        name="ansokan-bilaga",
    ),
    path(
        "ansokningar/<uuid:uuid>/skicka/",
        ansokan.AnsokanSkickaView.as_view(),
        name="ansokan-skicka",
    ),
    path(
        "ansokningar/<uuid:uuid>/beredning/",
        ansokan.AnsokanBeredningView.as_view(),
        name="ansokan-beredning",
    ),
]
