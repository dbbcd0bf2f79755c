"""Python's cyclic garbage collector, paused while a stage makes many objects at once.

A stage that builds tens of thousands of small containers (a batch's linking, a busy actor's
ten thousand records and their analysis) and frees them by reference count gains nothing from
the collector's passes meanwhile, and each full pass walks the whole heap, which grows with
what the stage builds. Whatever the stage leaves in cycles is collected after it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector waits for the block to end; it runs again after, unless it was already
    off (a block inside another, or one in another thread, leaves it as that one set it)."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
