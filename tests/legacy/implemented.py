"""Which features each behaviour module implements, derived from the code and the registry."""

from __future__ import annotations

from pathlib import Path

from django_http_compat import legacy
from django_http_compat.features import served_names, served_targets
from django_http_compat.installer import behaviour_modules
from django_http_compat.legacy.module_names import LEGACY_NAMES

LEGACY_DIR = Path(legacy.__file__).parent


def implemented_by() -> dict[str, set[str]]:
    """Behaviour module name -> the feature ids it implements.

    A module implements the features its ``patches()`` names and those whose
    served names resolve to an object it holds (``MergeDict``,
    ``render_to_response``, with the features implemented inside it).
    """
    found = {module.__name__.rpartition(".")[2]: set(module.patches()) for module in behaviour_modules()}
    targets = served_targets()
    for (module, name), feature_id in served_names().items():
        holder = targets[f"{module}.{name}"].rpartition(".")[0]
        if holder.startswith(f"{legacy.__name__}."):
            inside = LEGACY_NAMES[(module, name)].inside
            found[holder.rpartition(".")[2]].update((feature_id, *inside))
    return found
