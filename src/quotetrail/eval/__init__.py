"""Evaluation harnesses: each module scores one stage on a public data set and returns numbers.

A harness is a module here with `evaluate(data: Path) -> dict[str, float]`; `quotetrail eval
KIND --data PATH` finds it by name in `HARNESSES`.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

HARNESSES: dict[str, str] = {
    "clean": "quotetrail.eval.clean",
    "quotes": "quotetrail.eval.quotes",
    "stance": "quotetrail.eval.stance",
    "clusters": "quotetrail.eval.clusters",
}


def run_harness(kind: str, data: Path) -> dict[str, Any]:
    module = importlib.import_module(HARNESSES[kind])
    return module.evaluate(data)
