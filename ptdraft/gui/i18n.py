"""The interface language: gettext catalogs kept as .po files in resources/locale.

Vietnamese is the default; English is the source language of the messages, so
"en" needs no catalog. The document itself is always Vietnamese, whatever the
interface says. Catalogs are compiled to .mo when the package is built or the
tests run (see ptdraft/gui/catalogs.py); a source checkout without .mo files
compiles the .po in memory at start.
"""
from __future__ import annotations

import gettext
import io

from ptdraft.resources import resource

DOMAIN = "ptdraft"
DEFAULT = "vi"
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _load(code: str) -> gettext.NullTranslations:
    folder = resource("locale", code, "LC_MESSAGES")
    compiled = folder / f"{DOMAIN}.mo"
    source = folder / f"{DOMAIN}.po"
    if compiled.is_file() and (not source.is_file() or compiled.stat().st_mtime >= source.stat().st_mtime):
        with open(compiled, "rb") as handle:
            return gettext.GNUTranslations(handle)
    if source.is_file():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with open(source, "rb") as handle:
            catalog = read_po(handle, locale=code, domain=DOMAIN)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


def set_language(code: str) -> str:
    """Switch the interface language; unknown codes fall back to Vietnamese. Returns the code in use."""
    global _current, _language
    if code not in LANGUAGES:
        code = DEFAULT
    _current = gettext.NullTranslations() if code == "en" else _load(code)
    _language = code
    return code


def language() -> str:
    return _language


def _(message: str) -> str:
    """The message in the interface language."""
    return _current.gettext(message)


def state_name(state: str) -> str:
    """A template version's state in the interface language."""
    names = {"draft": _("Draft"), "submitted": _("Submitted"), "approved": _("Approved"), "retired": _("Retired")}
    return names.get(state, state)
