"""What every hook needs to know about a static-i18n build; imported by the hook files.

static-i18n runs each MkDocs event once per language: the en build runs nested inside the zh
build's ``on_post_build``. Work done once per site (reports, checks across languages) belongs to
the outer build.
"""
from __future__ import annotations

import functools

from mkdocs.exceptions import PluginError

from mpsite.errors import report


def page_lang(page) -> str:
    """The page's language: "zh" or "en"."""
    return getattr(page.file, "locale", None) or "zh"


def build_lang(config) -> str:
    """The language this (outer or nested) build is making."""
    return getattr(config.plugins.get("i18n"), "current_language", None) or "zh"


def default_lang(config) -> str:
    """The language at the site's root; the others live under /<lang>/."""
    return getattr(config.plugins.get("i18n"), "default_language", None) or "zh"


def nested(config) -> bool:
    """True inside a nested (non-default) language build."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and i18n.building)


def fail(errors) -> PluginError:
    """Author mistakes (AuthorError, AuthorErrors or a list) as the error that stops the build."""
    return PluginError(report(errors))


def stops_build(*errors: type[Exception]):
    """An event decorator: one of ``errors`` (an mpsite error whose text is the message to show)
    stops the build as a PluginError, without a traceback."""
    def decorate(event):
        @functools.wraps(event)
        def adapted(*args, **kwargs):
            try:
                return event(*args, **kwargs)
            except errors as exc:
                raise PluginError(str(exc)) from None
        return adapted
    return decorate
