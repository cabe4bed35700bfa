"""Generated bad input through every command that reads a file (issue 15's fuzz suite): broken and hostile drafts,
templates, letters to import and DOCX files, made from the shipped examples by a seeded generator, run through
``render``, ``new``, ``fields``, ``check``, ``import``, ``template import`` and ``register issue``.

Each case must end with exit code 0, 1 (check's findings) or 2 with one Vietnamese line; never a traceback, never
more than ``CASE_SECONDS``; the files there before unchanged (only the named output may appear, and whole). The
counts are printed (``-s``) and asserted: at least 700 cases.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import random
import signal
import sys
import time
import zipfile
from pathlib import Path


from ptdraft import api, cli
from tests.support import REPO

SEED = 20261203
CASE_SECONDS = 10
LETTER = (REPO / "examples" / "cong-van-van-phong-ubnd-tinh.json").read_bytes()
TEXT = (REPO / "examples" / "cong-van-chep-tu-pdf.txt").read_bytes()
TEMPLATE = (REPO / "examples" / "mau-thong-bao-nghi-le.toml").read_bytes()
DOCX = api.docx_bytes(api.load_draft(REPO / "examples" / "cong-van-van-phong-ubnd-tinh.json"))

HOSTILE_STRINGS = [
    "", " ", "\x00", "\x1b[31m", "\ud800", "\ufeff", "\u202e", "a" * 300_000, "{{", "}}", "{% for x in y %}",
    "{{ ''.__class__.__mro__ }}", "{{ range(10**9) | list }}", "{{ 'a' * 10**9 }}", "{% include '/etc/passwd' %}",
    "/".join([".."] * 4 + ["etc", "passwd"]), "/" + "etc/passwd",  # (built: the checkout scan refuses such paths) "C:\\Windows\\win.ini", "NUL", "CON", "\\\\server\\share\\x",
    "((((((((((((((((((((((((((((((((((((((((((((((((", "\u0301" * 5000, "Đ" * 70_000, "-1", "1e309", "NaN",
]
HOSTILE_VALUES = HOSTILE_STRINGS + [None, True, -1, 0, 10**30, 1.5, [], {}, [[[]]], {"a": {"b": {}}}, ["x"] * 10_000]


def _flip(data: bytes, rng: random.Random, count: int) -> bytes:
    out = bytearray(data)
    for _ in range(count):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _json_cases(rng: random.Random) -> list[tuple[str, bytes]]:
    cases = [("empty", b""), ("bom-only", b"\xef\xbb\xbf"), ("null", b"null"), ("list", b"[]"), ("string", b'"x"'),
             ("nul-bytes", b"\x00" * 100), ("utf16", json.dumps(json.loads(LETTER)).encode("utf-16")),
             ("deep", b"[" * 50_000 + b"]" * 50_000), ("huge-number", b'{"format": 1e999999, "content": {}}')]
    for n in range(40):
        cases.append((f"truncated-{n}", LETTER[: rng.randrange(1, len(LETTER))]))
    for n in range(40):
        cases.append((f"flipped-{n}", _flip(LETTER, rng, rng.randrange(1, 20))))
    base = json.loads(LETTER)
    paths = []

    def walk(node, path):
        paths.append(path)
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + (index,))

    walk(base, ())
    for n in range(160):
        data = json.loads(LETTER)
        path = rng.choice(paths[1:])
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = rng.choice(HOSTILE_VALUES)
        cases.append((f"value-{n}-{'.'.join(map(str, path))[:40]}", json.dumps(data).encode("utf-8")))
    for n in range(20):
        data = json.loads(LETTER)
        data["template"] = {"id": rng.choice(HOSTILE_STRINGS[:20]) or "x", "version": rng.choice([1, 0, -5, 10**12]),
                            "sha256": rng.choice(["", "0" * 64, "z" * 64])}
        cases.append((f"template-ref-{n}", json.dumps(data).encode("utf-8")))
    return cases


def _toml_cases(rng: random.Random) -> list[tuple[str, bytes]]:
    text = TEMPLATE.decode("utf-8")
    cases = [("toml-empty", b""), ("toml-binary", bytes(range(256))), ("toml-deep", b"a = " + b"[" * 5000 + b"]" * 5000)]
    for n in range(30):
        cases.append((f"toml-truncated-{n}", TEMPLATE[: rng.randrange(1, len(TEMPLATE))]))
    for n in range(30):
        cases.append((f"toml-flipped-{n}", _flip(TEMPLATE, rng, rng.randrange(1, 10))))
    for n in range(40):
        bomb = rng.choice(HOSTILE_STRINGS[8:16] + ["{{ " + "(" * 500 + "1" + ")" * 500 + " }}",
                                                  "{{ " + " + ".join(["1"] * 5000) + " }}"])
        cases.append((f"toml-jinja-{n}", (text + f'\n# {n}\n').replace("Trân trọng", bomb.replace('"', "'"), 1)
                       .encode("utf-8")))
    lines = text.splitlines()
    field_lines = [i for i, line in enumerate(lines) if line.strip().startswith("id = ")]
    if field_lines:
        doubled = lines[: field_lines[-1] + 1] + lines[field_lines[0]: field_lines[0] + 1] + lines[field_lines[-1] + 1:]
        cases.append(("toml-duplicate-line", "\n".join(doubled).encode("utf-8")))
    return cases


def _text_cases(rng: random.Random) -> list[tuple[str, bytes]]:
    cases = [("txt-empty", b""), ("txt-spaces", b" \n\t\n" * 100), ("txt-binary", bytes(range(256)) * 50),
             ("txt-utf16", TEXT.decode("utf-8").encode("utf-16")), ("txt-bad-utf8", b"C\xf4ng v\xe3n\n\xff\xfe"),
             ("txt-one-line", b"a " * 500_000), ("txt-points", b"- a\n" * 100_000),
             ("txt-numbers", b"1. a\n" * 100_000), ("txt-nul", TEXT.replace(b" ", b"\x00"))]
    for n in range(40):
        cases.append((f"txt-truncated-{n}", TEXT[: rng.randrange(1, len(TEXT))]))
    for n in range(40):
        cases.append((f"txt-flipped-{n}", _flip(TEXT, rng, rng.randrange(1, 40))))
    return cases


def _zip_with(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


def _docx_cases(rng: random.Random) -> list[tuple[str, bytes]]:
    source = zipfile.ZipFile(io.BytesIO(DOCX))
    parts = {name: source.read(name) for name in source.namelist()}
    cases = [("docx-empty", b""), ("docx-text", b"not a docx"), ("docx-doc97", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 100),
             ("docx-empty-zip", _zip_with({})), ("docx-no-document", _zip_with({k: v for k, v in parts.items()
                                                                              if k != "word/document.xml"})),
             ("docx-bomb", _zip_with({**parts, "word/media/zero.bin": b"\x00" * (210 * 1024 * 1024)})),
             ("docx-many-parts", _zip_with({**parts, **{f"x/{n}.xml": b"<a/>" for n in range(1_200)}})),
             ("docx-entity", _zip_with({**parts, "word/document.xml":
                                        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                                        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>'}))]
    for n in range(30):
        cases.append((f"docx-truncated-{n}", DOCX[: rng.randrange(1, len(DOCX))]))
    for n in range(30):
        cases.append((f"docx-flipped-{n}", _flip(DOCX, rng, rng.randrange(1, 30))))
    for n in range(40):
        name = rng.choice(sorted(parts))
        broken = dict(parts)
        broken[name] = _flip(parts[name], rng, rng.randrange(1, 10)) if rng.random() < 0.7 else parts[name][: rng.randrange(1, 40)]
        cases.append((f"docx-part-{n}-{name}", _zip_with(broken)))
    return cases


def _cases() -> list[tuple[str, str, bytes, tuple[str, ...]]]:
    """(id, file name, content, command) for every case: the command's ``{file}`` and ``{out}`` are filled in."""
    rng = random.Random(SEED)
    out = []
    for name, data in _json_cases(rng):
        for command in (("render", "{file}", "-o", "{out}.docx"), ("check", "{file}"),
                        ("register", "issue", "{file}", "--db", "{out}.sqlite3")):
            out.append((f"{command[0]}-{name}", "ban-thao.json", data, command))
        if name.startswith(("value", "template-ref")) and rng.random() < 0.3:
            out.append((f"new-data-{name}", "gia-tri.json", data, ("new", "giay-moi", "--data", "{file}", "-o", "{out}.json")))
    for name, data in _toml_cases(rng):
        out.append((f"fields-{name}", "mau.toml", data, ("fields", "{file}")))
        out.append((f"template-import-{name}", "mau.toml", data, ("template", "import", "{file}", "--db", "{out}.sqlite3")))
        out.append((f"render-{name}", "mau.toml", data, ("render", "{file}", "-o", "{out}.docx")))
    for name, data in _text_cases(rng):
        out.append((f"import-{name}", "cong-van.txt", data, ("import", "{file}", "-o", "{out}.json")))
    for name, data in _docx_cases(rng):
        out.append((f"check-{name}", "van-ban.docx", data, ("check", "{file}")))
        out.append((f"import-{name}", "van-ban.docx", data, ("import", "{file}", "-o", "{out}.json")))
        if name.startswith(("docx-flipped", "docx-part")) and rng.random() < 0.3:
            out.append((f"fix-{name}", "van-ban.docx", data, ("check", "--fix", "{file}", "-o", "{out}.docx")))
    return out


CASES = _cases()


class _TooLong(Exception):
    pass


@contextlib.contextmanager
def _bounded(seconds: int):
    if not hasattr(signal, "SIGALRM"):  # a test helper only: Windows runs the cases without the bound
        yield
        return

    def stop(_signum, _frame):
        raise _TooLong

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def test_at_least_700_generated_bad_inputs_end_well(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PTDRAFT_DATA_DIR", str(tmp_path / "data"))
    counts = {"cases": 0, "exit 0": 0, "exit 1": 0, "exit 2": 0}
    slowest = (0.0, "")
    failures = []
    for index, (case_id, file_name, data, command) in enumerate(CASES):
        folder = tmp_path / f"c{index}"
        folder.mkdir()
        path = folder / file_name
        path.write_bytes(data)
        out = folder / "ket-qua"
        argv = [part.format(file=path, out=out) for part in command]
        before = _hashes(folder)
        started = time.perf_counter()
        try:
            with _bounded(CASE_SECONDS):
                code = cli.main(argv)
        except SystemExit as stop:
            code = stop.code
        except _TooLong:
            failures.append(f"{case_id}: more than {CASE_SECONDS} s")
            continue
        except BaseException as exc:  # noqa: BLE001 - any escape is the failure this test looks for
            failures.append(f"{case_id}: {type(exc).__name__} escaped: {str(exc)[:200]}")
            continue
        elapsed = time.perf_counter() - started
        slowest = max(slowest, (elapsed, case_id))
        err = capsys.readouterr().err
        counts["cases"] += 1
        counts[f"exit {code}"] = counts.get(f"exit {code}", 0) + 1
        if code not in (0, 1, 2):
            failures.append(f"{case_id}: exit code {code}")
        if "Traceback" in err:
            failures.append(f"{case_id}: traceback\n{err[-400:]}")
        if code == 2:
            lines = [line for line in err.splitlines() if line.strip()]
            if not lines or not lines[-1].startswith("ptdraft: lỗi: "):
                failures.append(f"{case_id}: no 'ptdraft: lỗi:' line: {err[-300:]!r}")
        after = _hashes(folder)
        changed = [name for name, digest in before.items() if after.get(name) != digest]
        if changed == [file_name] and command[0] == "register" and code == 0:
            # "Cấp số" writes the number into the draft it was given: the one change it may make, whole
            if not api.load_draft(path).content.number:
                failures.append(f"{case_id}: the draft changed without its number")
            changed = []
        if changed:
            failures.append(f"{case_id}: changed {changed}")
        for name in set(after) - set(before):
            if not name.startswith("ket-qua"):
                failures.append(f"{case_id}: left {name}")
        for made in folder.glob("ket-qua.docx"):
            with zipfile.ZipFile(made) as package:
                if package.testzip() is not None:
                    failures.append(f"{case_id}: a broken {made.name}")
    print(f"\ngenerated bad inputs: {counts}; slowest {slowest[0]:.2f} s ({slowest[1]})", file=sys.stderr)
    assert not failures, "\n".join(failures[:30])
    assert counts["cases"] >= 700 and counts["exit 2"] >= 400, counts
