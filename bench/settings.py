"""Settings of the benchmark server: the production settings (from the
environment, as in production) plus one bench-only URL, the minimal view
(bench/urls.py). Selected with DJANGO_SETTINGS_MODULE=bench.settings, so
that the product's URLs stay as they are."""

import os
from pathlib import Path

from smartregion.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# collectstatic writes here (the manifest the production storage needs),
# not into the project's staticfiles/.
STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT", Path(__file__).resolve().parent / "results" / "static"))

# bench/big.py measures what a page costs to build, so no cache may answer
# for it: BENCH_NO_CACHE=1 makes every cache a dummy one.
if os.environ.get("BENCH_NO_CACHE") == "1":
    CACHES = {alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"} for alias in CACHES}  # noqa: F405
