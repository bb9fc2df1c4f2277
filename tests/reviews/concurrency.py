"""Run the same action from many threads at the same moment and count who won.

Each thread uses its own database connection (Django opens one per thread) and closes it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connections


def race(attempts: list[Callable[[], object]]) -> tuple[int, list[BaseException]]:
    """(number of attempts that succeeded, the exceptions of the others)."""
    barrier = threading.Barrier(len(attempts))
    wins: list[object] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def run(attempt: Callable[[], object]) -> None:
        try:
            barrier.wait()
            result = attempt()
            with lock:
                wins.append(result)
        except BaseException as error:
            with lock:
                failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(a,)) for a in attempts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return len(wins), failures
