"""The app's URLs plus one bare page, for the throughput ratio in bench/tider.py.

`bench/tom/` passes the same middleware as every page (session, CSRF, login,
MFA, no-store, axes) but does no work of its own: what a page costs above it
is the page's own.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

from samverkan import urls as samverkan_urls


@login_required
def tom(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [*samverkan_urls.urlpatterns, path("bench/tom/", tom, name="bench-tom")]

handler400 = samverkan_urls.handler400
handler403 = samverkan_urls.handler403
handler404 = samverkan_urls.handler404
handler500 = samverkan_urls.handler500
