"""The Vietnamese word list: Debian's hunspell-vi dictionary, read where it is installed.

The list (``vi_VN.dic``, from LibreOffice's dictionaries, by Ivan Garcia and Nguyễn
Xuân Minh) is GPL-2, so ptdraft does not ship it or anything built from it: it is read
at run time from the first of these places that has it, and the spelling check works
from the syllable rules alone where none has:

- the file named by the environment variable ``PTDRAFT_HUNSPELL_VI``, or by the setting ``hunspell_vi`` of
  the user's settings.json, or a ``vi_VN.dic`` copied into the user's data folder (%LOCALAPPDATA%\\ptdraft);
- /usr/share/hunspell/vi_VN.dic (Debian and Ubuntu package hunspell-vi), /usr/share/myspell/…;
- LibreOffice's own copy on Windows (Program Files, or a per-user install) and macOS (extension dict-vi),
  and the dictionary extension installed in a user's LibreOffice profile.

Its entries are syllables written in the "hoà, thuỷ" placement style. A syllable is
kept as its letters without the tone mark and its tone, so "ủy" and "uỷ" are the same
entry whichever style the list and the text use.
"""
from __future__ import annotations

import functools
import json
import os
import unicodedata
from pathlib import Path

from ptdraft.vietnamese.letters import ALPHABET, SKELETON, skeleton, strip_tone
from ptdraft.vietnamese.syllable import ToneStyle, compose, problem_of, split_onset

ENV_VAR = "PTDRAFT_HUNSPELL_VI"
MAX_SUGGESTIONS = 8


SETTING = "hunspell_vi"  # the key in the user's settings.json (the window's settings) naming the file
FILE_NAME = "vi_VN.dic"


def _data_dir() -> Path:
    from ptdraft.storage import default_path

    return default_path().parent


def _chosen_in_settings(folder: Path) -> Path | None:
    try:
        values = json.loads((folder / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    chosen = values.get(SETTING) if isinstance(values, dict) else None
    return Path(chosen) if isinstance(chosen, str) and chosen.strip() else None


def _libreoffice_user_copies() -> list[Path]:
    """The dictionary extension installed into a user's LibreOffice profile (no administrator needed): on
    Windows under %APPDATA%\\LibreOffice\\4\\user\\uno_packages, in a folder named by LibreOffice."""
    found: list[Path] = []
    roots = [os.environ.get("APPDATA"), os.path.join(os.path.expanduser("~"), ".config")]
    for root in filter(None, roots):
        packages = Path(root) / "LibreOffice" / "4" / "user" / "uno_packages" / "cache" / "uno_packages"
        try:
            found += sorted(packages.glob(f"*/*/{FILE_NAME}"))
        except OSError:
            continue
    return found


def _candidate_paths() -> list[Path]:
    """Where the word list is looked for, in order: the file the user chose (``PTDRAFT_HUNSPELL_VI``, then the
    setting ``hunspell_vi`` of settings.json in the data folder), a vi_VN.dic copied into the data folder,
    the system's hunspell-vi, LibreOffice's own copy (Windows: Program Files; macOS), and a dictionary
    extension installed in the user's LibreOffice profile."""
    paths: list[Path] = []
    named = os.environ.get(ENV_VAR)
    if named:
        paths.append(Path(named))
    try:
        folder = _data_dir()
    except Exception:  # noqa: BLE001 - no data folder: the other places still count
        folder = None
    if folder is not None:
        chosen = _chosen_in_settings(folder)
        if chosen is not None:
            paths.append(chosen)
        paths.append(folder / FILE_NAME)
    paths += [
        Path("/usr/share/hunspell/vi_VN.dic"),
        Path("/usr/share/myspell/vi_VN.dic"),
        Path("/usr/share/myspell/dicts/vi_VN.dic"),
        Path("/Applications/LibreOffice.app/Contents/Resources/extensions/dict-vi/vi_VN.dic"),
    ]
    for variable in ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432", "LOCALAPPDATA"):
        root = os.environ.get(variable)
        if root:
            base = Path(root) / "Programs" if variable == "LOCALAPPDATA" else Path(root)  # a per-user install
            paths.append(base / "LibreOffice" / "share" / "extensions" / "dict-vi" / FILE_NAME)
    return paths + _libreoffice_user_copies()


def dictionary_path() -> Path | None:
    """The word list the spelling check reads (the first candidate that is a file), or None."""
    return next((path for path in _candidate_paths() if path.is_file()), None)


Key = tuple[str, int]  # (lower-case letters without the tone mark, tone)


def key_of(word: str) -> Key | None:
    """The entry key of one syllable: ("uy", 3) for both "ủy" and "uỷ"; None for a non-syllable."""
    stripped = strip_tone(word.lower())
    return (stripped[0], stripped[1]) if stripped else None


def _y_variant(plain: str) -> str | None:
    """"ky" ↔ "ki", "sy" ↔ "si" (kỹ/kĩ, sỹ/sĩ): the i/y spellings of an open syllable after a consonant."""
    onset, rest = split_onset(plain)
    if not onset or onset in ("qu", "gi"):
        return None
    if rest == "y":
        return onset + "i"
    if rest == "i":
        return onset + "y"
    return None


class Lexicon:
    """A set of syllables, looked up whatever the tone-mark style and case."""

    def __init__(self, words: "list[str]", source: str = "") -> None:
        self.source = source
        keys: set[Key] = set()
        others: set[str] = set()
        for word in words:
            word = unicodedata.normalize("NFC", word.strip())
            if not word:
                continue
            key = key_of(word)
            if key is not None:
                keys.add(key)
            else:
                others.add(word.lower())
        self.keys = frozenset(keys)
        self.others = frozenset(others)

    def __len__(self) -> int:
        return len(self.keys) + len(self.others)

    def has_key(self, key: Key) -> bool:
        if key in self.keys:
            return True
        variant = _y_variant(key[0])
        return variant is not None and (variant, key[1]) in self.keys

    def __contains__(self, word: str) -> bool:
        key = key_of(word)
        if key is None:
            return word.lower() in self.others
        return self.has_key(key)

    @classmethod
    def from_hunspell(cls, path: Path) -> "Lexicon":
        """A hunspell .dic file: a count on the first line, then one word per line (flags after "/")."""
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
        if lines and lines[0].strip().isdigit():
            lines = lines[1:]
        return cls([line.split("/", 1)[0] for line in lines], str(path))


@functools.cache
def default_lexicon() -> Lexicon | None:
    """The installed hunspell-vi word list, read once; None when none is installed."""
    for path in _candidate_paths():
        if path.is_file():
            try:
                return Lexicon.from_hunspell(path)
            except (OSError, UnicodeError):
                continue
    return None


# -- suggestions ------------------------------------------------------------------------------------

def _edits(plain: str) -> dict[str, int]:
    """Every string one letter away from ``plain``, with the kind of edit: a letter added (0, the commonest
    slip: "gải" for "giải"), changed (1), two letters swapped (2) or a letter removed (3)."""
    out: dict[str, int] = {}

    def add(candidate: str, kind: int) -> None:
        if candidate and candidate != plain and out.get(candidate, 9) > kind:
            out[candidate] = kind

    for i in range(len(plain) + 1):
        for letter in ALPHABET:
            add(plain[:i] + letter + plain[i:], 0)
        if i < len(plain):
            add(plain[:i] + plain[i + 1:], 3)
            for letter in ALPHABET:
                add(plain[:i] + letter + plain[i + 1:], 1)
        if i < len(plain) - 1:
            add(plain[:i] + plain[i + 1] + plain[i] + plain[i + 2:], 2)
    return out


def _known(key: Key, lexicon: Lexicon | None) -> bool:
    if problem_of(*key) is not None:
        return False
    return lexicon is None or lexicon.has_key(key)


@functools.lru_cache(maxsize=4096)
def _suggest_keys(plain: str, tone: int, lexicon: Lexicon | None) -> tuple[Key, ...]:
    base = plain.translate(SKELETON)
    found: list[tuple[tuple, Key]] = []
    edits = _edits(plain)
    edits[plain] = -1
    for candidate, kind in edits.items():
        same_letters = candidate.translate(SKELETON) == base
        for other in range(6):
            key = (candidate, other)
            if key == (plain, tone) or not _known(key, lexicon):
                continue
            # Same letters under the marks first ("trâch" → "trách", "trạch"), then the same tone.
            rank = (not same_letters, other != tone, kind, abs(other - tone), candidate)
            found.append((rank, key))
    found.sort()
    return tuple(key for _, key in found[:MAX_SUGGESTIONS])


def suggestions(word: str, lexicon: Lexicon | None, style: ToneStyle = ToneStyle.NEW) -> tuple[str, ...]:
    """Syllables one letter (and any tone) away from ``word`` that exist, best first, in ``word``'s case."""
    key = key_of(word)
    if key is None:
        return ()
    out = []
    for plain, tone in _suggest_keys(key[0], key[1], lexicon):
        text = compose(plain, tone, style)
        if word[:1].isupper():
            text = text.upper() if word.isupper() and len(word) > 1 else text[:1].upper() + text[1:]
        out.append(text)
    return tuple(out)


def marked_variants(word: str, lexicon: Lexicon | None, style: ToneStyle = ToneStyle.NEW) -> tuple[str, ...]:
    """Words with the same letters as ASCII ``word`` but with marks ("ket" → "két", "kẹt"), best first."""
    base = skeleton(word)
    found: list[str] = []
    for key in _marked_keys(base, lexicon):
        text = compose(key[0], key[1], style)
        found.append(text[:1].upper() + text[1:] if word[:1].isupper() else text)
    return tuple(found[:MAX_SUGGESTIONS])


@functools.lru_cache(maxsize=4096)
def _marked_keys(base: str, lexicon: Lexicon | None) -> tuple[Key, ...]:
    options = [""]
    for char in base:
        choices = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư", "d": "dđ"}.get(char, char)
        options = [prefix + c for prefix in options for c in choices]
        if len(options) > 400:
            return ()
    keys = [(plain, tone) for plain in options for tone in range(6)]
    return tuple(k for k in keys if k != (base, 0) and _known(k, lexicon))

