"""Running code in real threads at the same moment, for the concurrency
tests on PostgreSQL (SQLite's IMMEDIATE transactions let one writer in at a
time, so there is nothing to race there)."""

import threading

import pytest
from django.db import connection

only_on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")


def run_at_once(function, arguments):
    """Call `function(argument)` in one thread per argument, all released at
    the same moment; return the results and the exceptions."""
    barrier = threading.Barrier(len(arguments))
    results, errors = [], []
    lock = threading.Lock()

    def work(argument):
        try:
            barrier.wait(timeout=30)
            result = function(argument)
            with lock:
                results.append(result)
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors
