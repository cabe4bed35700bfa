"""The command line: ``ptdraft templates|fields|render|new|import``; with no arguments, the window.

Every PtdraftError becomes one Vietnamese message on stderr and exit code 2;
no traceback reaches the user.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import NoReturn, Sequence

from ptdraft import __version__
from ptdraft.files import held_files
from ptdraft.cli import argparse_vi, drafts
from ptdraft.cli import copy as cli_copy
from ptdraft.cli import library as cli_library
from ptdraft.cli import sign as cli_sign
from ptdraft.cli import templates as cli_templates
from ptdraft.errors import InputError, PtdraftError, listen_for_history_breaks

EXIT_OK = 0
EXIT_BAD_INPUT = 2
DRAFT_MARK_LONGEST = 40  # characters: the box stays on one line in the top margin


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Vietnamese with exit code 2."""

    def error(self, message: str) -> NoReturn:  # noqa: D401 - argparse override
        self.print_usage(sys.stderr)
        raise SystemExit(_fail(f"lệnh không hợp lệ: {message}"))


_fail = cli_library._fail  # one Vietnamese line on stderr, exit code 2


def _notice(message: str) -> None:
    print(f"ptdraft: chú ý: {message}", file=sys.stderr)


def _build_parser() -> argparse.ArgumentParser:
    argparse_vi.install()
    parser = _Parser(
        prog="ptdraft",
        description="Soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP.",
        epilog="Không có tham số (hoặc chỉ một bản thảo .json): mở cửa sổ soạn thảo.",
    )
    parser.add_argument("--version", action="version", version=f"ptdraft {__version__}", help="in số phiên bản rồi thoát")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, title="lệnh", metavar="LỆNH")

    cli_library.add_commands(sub)  # templates, template …, register … (the library and the register)
    cli_copy.add_commands(sub)  # copy (bản sao)

    fields = sub.add_parser("fields", help="các trường một mẫu cần điền")
    fields.add_argument("template", metavar="MẪU", help="mã mẫu hoặc đường dẫn tệp .toml")
    cli_templates.add_db_option(fields)

    render = sub.add_parser("render", help="tạo tệp DOCX từ một mẫu hoặc một bản thảo")
    render.add_argument("source", metavar="NGUỒN", help="mã mẫu, tệp mẫu .toml, hoặc bản thảo .json")
    render.add_argument("--data", type=Path, metavar="TỆP.json", help="tệp JSON các giá trị của trường")
    render.add_argument("--set", action="append", default=[], metavar="TRƯỜNG=GIÁ_TRỊ", help="gán một giá trị")
    render.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.docx", help="tệp DOCX cần ghi")
    render.add_argument("--annexes-separate", action="store_true",
                        help="ghi mỗi phụ lục thành một tệp DOCX riêng bên cạnh văn bản (TỆP-phu-luc-I.docx …)")
    render.add_argument("--du-thao", nargs="?", const=drafts.DRAFT_MARK, default=None, metavar="TÊN",
                        help=f"xuất bản dự thảo: dấu \"{drafts.DRAFT_MARK}\" (hoặc TÊN, ví dụ \"DỰ THẢO LẦN 2\") trong khung "
                             "ở góc trên bên trái trang 1; văn bản còn thiếu phần nào chỉ xuất được với tùy chọn này")
    cli_templates.add_db_option(render)  # office templates from the library; a draft's template hash checked

    new = sub.add_parser("new", help="tạo bản thảo JSON từ giá trị mặc định của mẫu")
    new.add_argument("template", metavar="MẪU", help="mã mẫu hoặc đường dẫn tệp .toml")
    new.add_argument("--data", type=Path, metavar="TỆP.json", help="tệp JSON các giá trị của trường")
    new.add_argument("--set", action="append", default=[], metavar="TRƯỜNG=GIÁ_TRỊ", help="gán một giá trị")
    new.add_argument("-o", "--output", type=Path, required=True, metavar="BẢN_THẢO.json", help="tệp bản thảo .json cần ghi")
    cli_templates.add_db_option(new)

    imp = sub.add_parser("import", help="nhập một văn bản có sẵn (.txt, .md, .docx, .doc hoặc PDF có lớp chữ) thành bản thảo")
    imp.add_argument("file", type=Path, metavar="TỆP", help="tệp .txt, .md, .docx, .doc (cần LibreOffice) hoặc .pdf")
    imp.add_argument("-o", "--output", type=Path, required=True, metavar="BẢN_THẢO.json", help="tệp bản thảo .json cần ghi")

    merge = sub.add_parser("merge", help="cùng một văn bản gửi nhiều nơi: mỗi dòng của bảng danh sách một bản gốc")
    merge.add_argument("source", metavar="NGUỒN", help="bản thảo .json, mã mẫu hoặc tệp mẫu .toml")
    merge.add_argument("--rows", type=Path, required=True, metavar="BẢNG.xlsx",
                       help="bảng danh sách .xlsx hoặc .csv: dòng đầu là tên cột (Kính gửi, Tên tệp, tên các trường)")
    merge.add_argument("--sheet", metavar="TRANG", help="trang tính cần đọc (mặc định: trang đầu)")
    merge.add_argument("-o", "--output", type=Path, required=True, metavar="THƯ_MỤC", help="thư mục ghi các văn bản")
    merge.add_argument("--pdf", action="store_true", help="ghi thêm bản PDF của mỗi văn bản (cần LibreOffice)")
    merge.add_argument("--one-file", nargs="?", const="tat-ca-van-ban.docx", metavar="TÊN.docx",
                       help="ghi mọi văn bản vào một tệp DOCX, mỗi văn bản từ trang mới")
    merge.add_argument("--skip-bad-rows", action="store_true", help="vẫn ghi các dòng đúng khi có dòng lỗi")
    merge.add_argument("--replace", action="store_true", help="ghi đè tệp cùng tên đã có trong thư mục")
    merge.add_argument("--preview", action="store_true", help="chỉ xem cách ghép cột và vài dòng đầu, không ghi tệp")
    merge.add_argument("--data", type=Path, metavar="TỆP.json", help="tệp JSON giá trị chung cho mọi văn bản")
    merge.add_argument("--set", action="append", default=[], metavar="TRƯỜNG=GIÁ_TRỊ", help="gán một giá trị chung")
    cli_templates.add_db_option(merge)

    check = sub.add_parser("check", help="kiểm tra thể thức một tệp DOCX hoặc bản thảo .json theo Nghị định 30")
    check.add_argument("file", type=Path, metavar="TỆP", help="tệp DOCX (bất kỳ) hoặc bản thảo .json")
    check.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    check.add_argument("--fix", action="store_true", help="ghi bản đã sửa các lỗi sửa được (cần -o)")
    check.add_argument("-o", "--output", type=Path, metavar="TỆP.docx", help="tệp DOCX đã sửa (tệp gốc không bị ghi)")

    cli_sign.add_commands(sub)  # pdf, sign, verify (ký số)
    return parser


def _cmd_fields(name: str, db: str | None = None) -> int:
    template = cli_templates.template_for(name, db)
    print(f"{template.title} ({template.id}, phiên bản {template.version})")
    for item in template.fields:
        flag = "bắt buộc" if item.required else "không bắt buộc"
        default = "" if item.default is None else f"; mặc định: {json.dumps(item.default, ensure_ascii=False)}"
        options = f"; chọn một trong: {', '.join(item.options)}" if item.options else ""
        print(f"  {item.id}: {item.label} [{item.kind.value}, {flag}{default}{options}]")
        if item.help:
            print(f"      {item.help}")
    return EXIT_OK


def _draft_mark(text: str | None) -> str | None:
    """The words of ``--du-thao`` (None without it), checked: one short line of text."""
    if text is None:
        return None
    import unicodedata

    words = " ".join(unicodedata.normalize("NFC", text).split())
    if not words or any(unicodedata.category(ch)[0] == "C" for ch in words):
        raise InputError(f"tên dự thảo phải là chữ in được, ví dụ \"{drafts.DRAFT_MARK} LẦN 2\"", "--du-thao")
    if len(words) > DRAFT_MARK_LONGEST:
        raise InputError(f"tên dự thảo dài {len(words)} ký tự; tối đa {DRAFT_MARK_LONGEST} ký tự để dấu nằm trên "
                         "một dòng ở lề trên", "--du-thao")
    return words.upper()  # printed in capitals, as offices mark drafts


# What a draft command (new, import) tells a clerk who named its output as a letter.
_DOCX_FROM_DRAFT = {".docx": "tệp DOCX tạo từ bản thảo bằng: ptdraft render BẢN_THẢO.json -o VĂN_BẢN.docx",
                    ".pdf": "bản PDF tạo từ bản thảo bằng: ptdraft pdf BẢN_THẢO.json -o VĂN_BẢN.pdf"}


def _cmd_render(args) -> int:
    from ptdraft import api
    from ptdraft.files import disk

    disk.check_output(args.output, args.source if drafts.is_draft(args.source) else None, args.data, writes=".docx",
                      hints={".pdf": "bản PDF: ptdraft pdf NGUỒN -o VĂN_BẢN.pdf"})
    mark = _draft_mark(args.du_thao)
    draft = drafts.draft_from(args)
    if mark is None:
        drafts.refuse_incomplete(draft)
    strict = mark is None  # a draft may leave required values empty; a finished letter may not
    if args.annexes_separate:
        files = api.export_docx_files(draft, args.output, strict=strict, draft_mark=mark)
        if len(files) == 1:
            _notice("văn bản không có phụ lục nào; chỉ ghi tệp văn bản")
        for written in files:
            print(f"Đã ghi {written}")
        return EXIT_OK
    written = api.export_docx(draft, args.output, strict=strict, draft_mark=mark)
    print(f"Đã ghi {written}" + (f" (bản dự thảo, có dấu \"{mark}\")" if mark else ""))
    return EXIT_OK


def _cmd_new(args) -> int:
    from ptdraft import api

    from ptdraft.files import disk

    disk.check_output(args.output, args.template if Path(args.template).exists() else None, args.data,
                      writes=".json", hints=_DOCX_FROM_DRAFT)
    template = cli_templates.template_for(args.template, args.db)
    profile = api.office_profile_for_drafts(args.db)
    draft = api.new_draft(template, drafts.field_values(template.fields, args.data, args.set), profile=profile)
    written = api.save_draft(draft, args.output)
    print(f"Đã ghi bản thảo {written}")
    return EXIT_OK


def _cmd_import(args) -> int:
    # The importer and the draft file only: reading a letter needs neither the templates nor the layout.
    from ptdraft import importer
    from ptdraft.files import disk
    from ptdraft.files import drafts as draft_files

    disk.check_output(Path(args.output), Path(args.file), writes=".json", hints=_DOCX_FROM_DRAFT)
    draft, report = importer.import_file(Path(args.file))
    written = draft_files.save_draft(draft, Path(args.output))
    print("\n".join(report.lines()))
    print(f"Đã ghi bản thảo {written}")
    return EXIT_OK


def _no_screen() -> str | None:
    """Why the window cannot open here, or None: Linux with no X or Wayland display and no Qt platform chosen."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "không mở được cửa sổ soạn thảo: máy này không có màn hình (chưa đặt DISPLAY hay WAYLAND_DISPLAY). "
        "Dùng các lệnh không cần cửa sổ (ptdraft --help), hoặc chạy trong một phiên đồ họa"
    )


def _cmd_merge(args) -> int:
    from ptdraft.outputs import merge

    draft = drafts.draft_from(args)
    table = merge.read_table(args.rows, args.sheet)
    plan = merge.plan(draft, table)
    print("\n".join(plan.preview()))
    for problem in plan.problems:
        print(f"  lỗi {problem}")
    if args.preview:
        return EXIT_OK
    summary = merge.write(plan, args.output, skip_bad_rows=args.skip_bad_rows, replace=args.replace, pdf=args.pdf,
                          one_file=args.one_file)
    print(f"Đã ghi {len(summary.written)} tệp DOCX vào {args.output}"
          + (f", {len(summary.pdfs)} tệp PDF" if summary.pdfs else "")
          + (f"; bản lưu (Kính gửi đủ các nơi): {summary.file_copy.name}" if summary.file_copy else ""))
    if summary.skipped:
        print(f"Bỏ qua {len(summary.skipped)} dòng lỗi (xem ở trên).")
    return EXIT_OK


def _open_window(path: str | None) -> int:
    reason = _no_screen()
    if reason is not None:
        return _fail(reason)
    try:
        from ptdraft.gui.app import run
    except ImportError as exc:  # PySide6 missing or a Qt library of the system absent
        return _fail(f"không mở được cửa sổ soạn thảo: thiếu thư viện giao diện Qt ({exc})")
    return run(path)


def _tell_history_breaks(breaks: list[tuple[str, str]]) -> None:
    """One notice per database whose history was found broken on open, unless an error of this run said it."""
    listen_for_history_breaks(None)
    if breaks:
        from ptdraft.storage import history_warning

        for location, problem in breaks:
            if not any(problem in message for message in cli_library.printed_errors):
                _notice(history_warning(location, problem))
    breaks.clear()
    cli_library.printed_errors.clear()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    history_breaks: list[tuple[str, str]] = []
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    try:
        if not argv or (len(argv) == 1 and drafts.is_draft(argv[0]) and not argv[0].startswith("-")):
            return _open_window(argv[0] if argv else None)
        args = _build_parser().parse_args(argv)
        # A file that Word (or an antivirus) holds is written beside it under another name, and the user told.
        held_files.save_elsewhere_when_held(_notice)
        listen_for_history_breaks(lambda location, problem: history_breaks.append((location, problem)))
        if args.command in cli_library.COMMANDS:
            return cli_library.run(args)
        if args.command in cli_sign.COMMANDS:
            return cli_sign.run(args)
        if args.command in cli_copy.COMMANDS:
            return cli_copy.run(args)
        if args.command == "fields":
            return _cmd_fields(args.template, args.db)
        if args.command == "render":
            return _cmd_render(args)
        if args.command == "new":
            return _cmd_new(args)
        if args.command == "import":
            return _cmd_import(args)
        if args.command == "merge":
            return _cmd_merge(args)
        if args.command == "check":
            from ptdraft.cli.check import run

            return run(args.file, as_json=args.json, fix=args.fix, output=args.output)
        _build_parser().print_help()
        return EXIT_BAD_INPUT
    except PtdraftError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``ptdraft fields X | head``): stop quietly, and keep the
        # interpreter's final flush from printing a second error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        held_files.save_elsewhere_when_held(None)
        _tell_history_breaks(history_breaks)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
