app_name = "remisser"

urlpatterns: list = []
