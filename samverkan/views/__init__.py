"""The core's pages, one module per concern.

``csrf_failure`` is named here because settings.CSRF_FAILURE_VIEW gives this path;
point the setting at ``samverkan.views.drift.csrf_failure`` and this import can go.
"""

from samverkan.views.drift import csrf_failure

__all__ = ["csrf_failure"]
