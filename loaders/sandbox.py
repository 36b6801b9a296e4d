"""Run a parse in a worker process with a memory cap and a time limit, so that a native abort,
runaway memory or a hang ends the worker, never the server, and becomes a LoadError.

Workers are forked from a small server process that has the readers imported already
(multiprocessing's "forkserver"), so starting one costs milliseconds, and they never inherit the
threads or sockets of the Streamlit server.
"""

import contextlib
import gc
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import types
from collections.abc import Callable
from dataclasses import dataclass

from core.problems import LoadError, Problem, fail
from loaders.workbook_guard import detail

# Tests set this to make the worker misbehave: abort | memory | hang | raise.
FAULT_HOOK = "TILANNEKUVA_READ_WORKER_FAULT"
# The server imports the readers once. The program's main module is never imported there nor in
# a worker: under Streamlit, __main__ is the app script itself, which would run the whole app
# (and its first-start demo import) inside the reader. Workers start with a bare __main__.
PRELOAD = ["loaders.reading"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Containment:
    """What a worker may use: address space beyond its start, seconds, and how many at once."""

    memory_bytes: int
    seconds: float
    workers: int


_lock = threading.Lock()
_context = None
_start_lock = threading.Lock()
_slots: dict[int, threading.BoundedSemaphore] = {}


def run_contained(file_name: str, parse: Callable, args: tuple, limits: Containment):
    """parse(*args) in a worker; its result, its LoadError, or a LoadError saying why the file
    could not be read safely (the worker crashed, ran out of memory or of time)."""
    context = _get_context()
    with _slot(limits.workers):
        receiver, sender = context.Pipe(duplex=False)
        fault = os.environ.get(FAULT_HOOK, "")
        worker = context.Process(
            target=_work, args=(sender, parse, args, limits.memory_bytes, fault), daemon=True
        )
        try:
            with _bare_main():
                worker.start()
        except OSError as exc:  # no process could be started: say so, do not crash the page
            log.error("could not start a reading worker for %s: %s", file_name, exc)
            raise fail("read_crashed", file_name) from None
        sender.close()
        started = time.monotonic()
        try:
            payload = _receive(file_name, receiver, worker, limits)
        finally:
            receiver.close()
            _stop(worker)
        log.debug("read %s in a worker: %.3f s", file_name, time.monotonic() - started)
    return _outcome(file_name, payload, limits)


def _receive(file_name: str, receiver, worker, limits: Containment) -> tuple:
    if not receiver.poll(limits.seconds):
        log.warning("reading %s took over %s s: worker stopped", file_name, limits.seconds)
        worker.kill()
        raise fail("read_timed_out", file_name, params={"seconds": _whole(limits.seconds)})
    try:
        message = receiver.recv_bytes()
    except (EOFError, OSError):
        worker.join(5)
        code = worker.exitcode
        reason = signal.Signals(-code).name if code is not None and code < 0 else code
        log.warning("reading %s: the worker ended without an answer (%s)", file_name, reason)
        if code == -signal.SIGKILL:  # the kernel's OOM killer, or a cap outside ours
            raise _out_of_memory(file_name, limits) from None
        raise fail("read_crashed", file_name) from None
    # Unpickling makes an object per cell: without pauses for the collector to walk the
    # server's whole heap again and again on the way.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(message)
    finally:
        if collecting:
            gc.enable()


def _outcome(file_name: str, payload: tuple, limits: Containment):
    status = payload[0]
    if status == "ok":
        return payload[1]
    if status == "load_error":
        raise LoadError(payload[1], payload[2])
    if status == "memory":
        log.warning("reading %s: over the worker's memory cap", file_name)
        raise _out_of_memory(file_name, limits)
    log.warning("reading %s failed in the worker: %s", file_name, payload[1])
    raise LoadError([Problem("unreadable_file", file_name, params={"detail": payload[1]})])


def _out_of_memory(file_name: str, limits: Containment) -> LoadError:
    return fail("read_out_of_memory", file_name, params={"limit": limits.memory_bytes // 2**20})


def _whole(seconds: float) -> str:
    return str(int(seconds)) if float(seconds).is_integer() else str(seconds).replace(".", ",")


def _stop(worker) -> None:
    worker.join(5)
    if worker.is_alive():
        worker.kill()
        worker.join()
    worker.close()


@contextlib.contextmanager
def _bare_main():
    """multiprocessing hands the workers (and the server it starts on first use) the main
    module's path to import; a bare stand-in, for the moment of the start, hands them none."""
    with _start_lock:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            if main is not None:
                sys.modules["__main__"] = main


def _get_context():
    global _context
    with _lock:
        if _context is None:
            methods = multiprocessing.get_all_start_methods()
            method = "forkserver" if "forkserver" in methods else "spawn"
            _context = multiprocessing.get_context(method)
            if method == "forkserver":
                _context.set_forkserver_preload(PRELOAD)
        return _context


def _slot(workers: int) -> threading.BoundedSemaphore:
    """At most `workers` parses at once across the server's sessions; the rest wait their turn."""
    with _lock:
        if workers not in _slots:
            _slots[workers] = threading.BoundedSemaphore(workers)
        return _slots[workers]


# The worker's side.


def _work(sender, parse: Callable, args: tuple, memory_bytes: int, fault: str) -> None:
    os.environ["RUST_BACKTRACE"] = "0"  # an allocation failure is logged in one line
    _cap_memory(memory_bytes)
    try:
        if fault:
            _misbehave(fault)
        payload = ("ok", parse(*args))
    except LoadError as error:
        payload = ("load_error", error.problems, error.more)
    except MemoryError:
        payload = ("memory",)
    except Exception as exc:  # a reader's bug must reach the user as a message, not a traceback
        payload = ("failed", f"{type(exc).__name__}: {detail(exc)}")
    try:
        message = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        message = pickle.dumps(("memory",))
    del payload
    sender.send_bytes(message)
    sender.close()


def _cap_memory(memory_bytes: int) -> None:
    """Limit the worker's address space to what it has now plus memory_bytes."""
    try:
        import resource

        with open("/proc/self/status") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        now = int(fields["VmSize"].split()[0]) * 1024
    except (ImportError, OSError, KeyError, ValueError):
        return  # not Linux: the time limit still holds
    cap = now + memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _misbehave(fault: str) -> None:
    if fault == "abort":
        os.abort()
    if fault == "memory":
        hog = [bytes(64 * 2**20) for _ in range(10_000)]  # calloc: address space, few pages
        raise AssertionError(len(hog))  # unreachable: the cap stops the list first
    if fault == "hang":
        time.sleep(3600)
    if fault == "raise":
        raise RuntimeError("a bug in a reader")
