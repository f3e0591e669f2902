app_name = "deltagare"

urlpatterns: list = []
