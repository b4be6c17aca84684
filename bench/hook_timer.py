"""``python -m bench.hook_timer BUILD-ARGS...``: one ``mkdocs build`` of the project in the working
folder that prints, as JSON, the seconds spent importing its hook files, inside each hook file's
event functions and inside the Markdown processors it adds (stdout, last line).

The benchmark's hooks / no-hooks ratio also counts the content our hooks add (law texts, quizzes,
duty sheets) that Markdown, the templates and the search plugin then process; this separates our
own code from that, without a profiler's overhead. Bench tooling: it wraps MkDocs internals.
"""
from __future__ import annotations

import functools
import inspect
import json
import sys
import time
from collections import Counter
from pathlib import Path

from markdown import util
from mkdocs import plugins
from mkdocs.config import config_options

PROJECT = Path.cwd().resolve()     # the project being built
HOOKS = PROJECT / "hooks"
PREFIX = "hook seconds: "
seconds: Counter[str] = Counter()
_depth = [0]   # a timed call inside another (a quiz text's Markdown in a hook) counts once


def _ours(function, folders=(HOOKS,)) -> bool:
    code = getattr(function, "__code__", None)
    return code is not None and Path(code.co_filename).resolve().parent in folders


def _file(function) -> str:
    """The hook file an event function is written in (through wrappers such as stops_build)."""
    return Path(inspect.unwrap(function).__code__.co_filename).stem


def _timed(label: str, function):
    @functools.wraps(function)   # keeps mkdocs_priority: the events must run in the same order
    def run(*args, **kwargs):
        started = time.perf_counter()
        _depth[0] += 1
        try:
            return function(*args, **kwargs)
        finally:
            _depth[0] -= 1
            if not _depth[0]:
                seconds[label] += time.perf_counter() - started
    return run


def _install() -> None:
    load_hook = config_options.Hooks._load_hook
    config_options.Hooks._load_hook = lambda self, name, path: _timed("import", load_hook)(self, name, path)
    register = plugins.PluginCollection._register_event

    def register_timed(self, event_name, method, plugin_name=None):
        if _ours(method):
            method = _timed(f"{_file(method)}.on_{event_name}", method)
        return register(self, event_name, method, plugin_name)
    plugins.PluginCollection._register_event = register_timed
    register_processor = util.Registry.register

    def register_processor_timed(self, item, name, priority):
        if _ours(getattr(item, "run", None), (HOOKS, PROJECT / "mpsite")):
            item.run = _timed(f"{_file(item.run)}: Markdown {name}", item.run)
        return register_processor(self, item, name, priority)
    util.Registry.register = register_processor_timed


def main() -> None:
    from mkdocs.__main__ import cli
    _install()
    started = time.perf_counter()
    sys.argv = ["mkdocs", "build", "-q", *sys.argv[1:]]
    try:
        cli()
    except SystemExit as exit:
        if exit.code:
            raise
    finally:
        seconds["build"] = time.perf_counter() - started
        print(PREFIX + json.dumps(dict(seconds)))


if __name__ == "__main__":
    main()
