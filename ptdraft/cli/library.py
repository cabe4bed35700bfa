"""The command line of the template library and the outgoing register.

``ptdraft templates``, ``ptdraft template show|diff|submit|approve|retire|import|export``
and ``ptdraft register issue|list|cancel|export``; every one takes ``--db PATH-or-URL``
(default: ``PTDRAFT_DB``, then the SQLite file in the user data folder). :mod:`ptdraft.cli`
adds these parsers and hands the parsed arguments here; errors are PtdraftError, which
the command line prints as one Vietnamese message with exit code 2.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Sequence

from ptdraft.errors import InputError

COMMANDS = ("templates", "template", "register", "office", "package", "snippets")
EXIT_OK = 0
EXIT_BAD_INPUT = 2


def _number(text: str) -> int:
    """"5", "05" or "05/UBND-VP" → 5."""
    found = re.match(r"^\s*0*(\d+)\s*(/.*)?$", text)
    if not found or int(found.group(1)) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' không phải số văn bản (ví dụ: 05 hoặc 05/UBND-VP)")
    return int(found.group(1))


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải số nguyên") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' phải là số nguyên dương")
    return value


def _year(text: str) -> int:
    value = _positive(text)
    if not 1900 <= value <= 9999:
        raise argparse.ArgumentTypeError(f"'{text}' không phải năm (ví dụ: 2026)")
    return value


_STATUS_WORDS = {"da-cap": "issued", "da-huy": "cancelled", "issued": "issued", "cancelled": "cancelled"}


def _date(text: str):
    from ptdraft.reference import dates

    try:
        return dates.parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _office_items():
    from ptdraft.office import profile as office

    return office.ITEMS


def _status(text: str) -> str:
    """"da-cap" (đã cấp) or "da-huy" (đã hủy) → the register's state; the stored English words are accepted too."""
    state = _STATUS_WORDS.get(text.strip().lower())
    if state is None:
        raise argparse.ArgumentTypeError(f"'{text}' không phải trạng thái (da-cap hoặc da-huy)")
    return state


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``templates``, ``template`` and ``register`` to the command line's subcommands."""
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument(
        "--db", metavar="ĐƯỜNG_DẪN_HOẶC_URL",
        help="cơ sở dữ liệu: tệp SQLite hoặc postgresql://… (mặc định: biến PTDRAFT_DB, rồi tệp trong thư mục dữ liệu)",
    )
    by = argparse.ArgumentParser(add_help=False)
    by.add_argument("--by", "--user", dest="by", metavar="TÊN", help="người thực hiện (mặc định: tên đăng nhập)")

    listing = sub.add_parser("templates", parents=[db], help="liệt kê các mẫu văn bản (mẫu đã duyệt)")
    listing.add_argument("--all", action="store_true", help="mọi mẫu và mọi phiên bản, cả nháp, chờ duyệt, ngừng dùng")

    template = sub.add_parser("template", help="thư viện mẫu: xem, so sánh, gửi duyệt, duyệt, ngừng dùng, nhập, xuất")
    actions = template.add_subparsers(dest="action", metavar="VIỆC", parser_class=type(template))
    actions.required = True
    show = actions.add_parser("show", parents=[db], help="xem một mẫu, lịch sử và nội dung")
    show.add_argument("template_id", metavar="MÃ_MẪU", help="mã mẫu, ví dụ: giay-moi")
    show.add_argument("--version", type=_positive, metavar="N", help="phiên bản cần xem (mặc định: mới nhất)")
    diff = actions.add_parser("diff", parents=[db], help="so sánh hai phiên bản của một mẫu")
    diff.add_argument("template_id", metavar="MÃ_MẪU", help="mã mẫu")
    diff.add_argument("old", type=_positive, metavar="V1", help="phiên bản cũ")
    diff.add_argument("new", type=_positive, metavar="V2", help="phiên bản mới")
    submit = actions.add_parser("submit", parents=[db, by], help="gửi duyệt một tệp mẫu .toml (hoặc một bản nháp)")
    submit.add_argument("source", metavar="TỆP.toml|MÃ_MẪU", help="tệp mẫu .toml, hoặc mã của một mẫu nháp trong thư viện")
    submit.add_argument("--version", type=_positive, metavar="N", help="phiên bản nháp cần gửi duyệt (khi đưa mã mẫu)")
    approve = actions.add_parser("approve", parents=[db, by], help="duyệt một phiên bản đang chờ duyệt")
    approve.add_argument("template_id", metavar="MÃ_MẪU", help="mã mẫu")
    approve.add_argument("--version", type=_positive, metavar="N", help="mặc định: phiên bản chờ duyệt mới nhất")
    retire = actions.add_parser("retire", parents=[db, by], help="ngừng dùng một mẫu (mọi phiên bản, hoặc một)")
    retire.add_argument("template_id", metavar="MÃ_MẪU", help="mã mẫu")
    retire.add_argument("--version", type=_positive, metavar="N", help="chỉ phiên bản này (mặc định: mọi phiên bản)")
    imp = actions.add_parser("import", parents=[db, by], help="nhập tệp mẫu của nơi khác: kiểm tra, tóm tắt, chờ duyệt")
    imp.add_argument("file", type=Path, metavar="TỆP.toml", help="tệp mẫu nhận từ nơi khác")
    export = actions.add_parser("export", parents=[db], help="xuất một phiên bản mẫu ra tệp .toml")
    export.add_argument("template_id", metavar="MÃ_MẪU", help="mã mẫu")
    export.add_argument("--version", type=_positive, metavar="N", help="mặc định: phiên bản đã duyệt mới nhất")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.toml", help="tệp mẫu cần ghi")

    reg = sub.add_parser("register", help="sổ đăng ký văn bản đi: cấp số, xem, hủy số, xuất sổ")
    steps = reg.add_subparsers(dest="action", metavar="VIỆC", parser_class=type(reg))
    steps.required = True
    issue = steps.add_parser("issue", parents=[db, by], help="cấp số cho một bản thảo đã xong và ghi số vào bản thảo")
    issue.add_argument("draft", type=Path, metavar="BẢN_THẢO.json", help="bản thảo đã soạn xong (số được ghi vào tệp này)")
    issue.add_argument("--preview", action="store_true", help="chỉ xem số sẽ cấp, không lấy số")
    issue.add_argument("--docx", type=Path, metavar="TỆP.docx", help="xuất văn bản đã có số ra tệp DOCX và ghi vào sổ")
    show_list = steps.add_parser("list", parents=[db], help="xem sổ đăng ký văn bản đi")
    show_list.add_argument("--year", type=_year, metavar="NĂM", help="chỉ các số của năm này")
    show_list.add_argument("--issuer", metavar="KÝ_HIỆU", help="chữ viết tắt cơ quan ban hành")
    show_list.add_argument("--book", metavar="thuong|mat|sao", help="sổ thường, sổ văn bản mật hoặc sổ bản sao")
    show_list.add_argument("--status", type=_status, metavar="da-cap|da-huy", help="chỉ các số đã cấp, hoặc đã hủy")
    show_list.add_argument("--search", metavar="CHỮ", help="tìm trong số ký hiệu, trích yếu, người ký, nơi nhận")
    show_list.add_argument("--json", action="store_true", help="mỗi dòng một đối tượng JSON")
    cancel = steps.add_parser("cancel", parents=[db, by], help="hủy một số cấp nhầm (số đó không bao giờ cấp lại)")
    cancel.add_argument("number", type=_number, metavar="SỐ", help="số cần hủy, ví dụ: 05")
    cancel.add_argument("--year", type=_year, metavar="NĂM", help="mặc định: năm nay")
    cancel.add_argument("--issuer", metavar="KÝ_HIỆU", help="chữ viết tắt cơ quan ban hành, khi sổ có nhiều cơ quan")
    cancel.add_argument("--book", metavar="thuong|mat|sao", help="sổ thường, sổ văn bản mật hoặc sổ bản sao")
    cancel.add_argument("--reason", default="", metavar="LÝ_DO", help="lý do hủy, ghi vào sổ")
    hist = steps.add_parser("history", parents=[db],
                            help="lịch sử chỉ ghi thêm: ai duyệt, ngừng dùng mẫu, cấp số, hủy số, lúc nào")
    hist.add_argument("--verify", action="store_true",
                      help="chỉ kiểm tra chuỗi mã băm của lịch sử (mã thoát 0: nguyên vẹn, 2: có dòng bị sửa, xóa, chèn)")
    hist.add_argument("--json", action="store_true", help="mỗi dòng một đối tượng JSON")
    out = steps.add_parser("export", parents=[db], help="xuất sổ ra tệp Excel (.xlsx) hoặc CSV")
    kind = out.add_mutually_exclusive_group(required=True)
    kind.add_argument("--xlsx", action="store_const", const="xlsx", dest="fmt", help="tệp Excel")
    kind.add_argument("--csv", action="store_const", const="csv", dest="fmt", help="tệp CSV (UTF-8)")
    out.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP", help="tệp cần ghi")
    out.add_argument("--year", type=_year, metavar="NĂM", help="chỉ các số của năm này (mặc định: cả sổ)")

    office = sub.add_parser("office", help="thông tin cơ quan, nhập một lần: mã định danh, tên, địa chỉ…")
    office_steps = office.add_subparsers(dest="action", metavar="VIỆC", parser_class=type(office))
    office_steps.required = True
    office_show = office_steps.add_parser("show", parents=[db], help="xem thông tin cơ quan")
    office_show.add_argument("--json", action="store_true", help="in dạng JSON")
    office_set = office_steps.add_parser(
        "set", parents=[db, by], help="đặt các mục thông tin cơ quan (MỤC= để xóa một mục)",
        epilog="Các mục: " + "; ".join(f"{i.id} ({i.label})" for i in _office_items()),
    )
    office_set.add_argument("items", nargs="+", metavar="MỤC=GIÁ_TRỊ",
                            help="ví dụ: ma_dinh_danh=000.00.00.H41 \"ten_co_quan=ỦY BAN NHÂN DÂN XÃ AN BÌNH\"")

    roles = office_steps.add_parser(
        "roles", parents=[db],
        help="PostgreSQL: vai trò văn thư (ptdraft_clerk) và người duyệt (ptdraft_reviewer), do máy chủ kiểm soát",
    )
    roles_kind = roles.add_mutually_exclusive_group(required=True)
    roles_kind.add_argument("--sql", action="store_true",
                            help="in câu lệnh SQL để người quản trị chạy bằng tài khoản chủ sở hữu các bảng")
    roles_kind.add_argument("--apply", action="store_true",
                            help="chạy các câu lệnh đó trên cơ sở dữ liệu --db (kết nối bằng tài khoản chủ sở hữu)")
    roles.add_argument("--schema", default="public", metavar="LƯỢC_ĐỒ", help="lược đồ chứa các bảng (với --sql)")

    snip = sub.add_parser("snippets", help="đoạn mẫu đã duyệt: căn cứ, đề nghị, câu kết, nhóm nơi nhận")
    snip_steps = snip.add_subparsers(dest="action", metavar="VIỆC", parser_class=type(snip))
    snip_steps.required = True
    snip_list = snip_steps.add_parser("list", parents=[db], help="xem các đoạn mẫu (cả nhóm nơi nhận của cơ quan)")
    snip_list.add_argument("--kind", metavar="LOẠI", help="chỉ một loại: can_cu, de_nghi, ket, noi_nhan")
    snip_list.add_argument("--json", action="store_true", help="mỗi dòng một đối tượng JSON")
    snip_add = snip_steps.add_parser("add", parents=[db], help="chèn đoạn mẫu vào bản thảo, đúng phần in ra nó")
    snip_add.add_argument("draft", type=Path, metavar="BẢN_THẢO.json", help="bản thảo cần chèn")
    snip_add.add_argument("ids", nargs="+", metavar="MÃ_ĐOẠN", help="mã đoạn mẫu (xem snippets list)")
    snip_add.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.json", help="bản thảo mới cần ghi")

    package = sub.add_parser(
        "package", parents=[db, by],
        help="đóng gói văn bản đã cấp số để đưa lên hệ thống quản lý văn bản: DOCX, PDF, metadata.json, edXML",
    )
    package.add_argument("draft", type=Path, metavar="BẢN_THẢO.json", help="bản thảo đã được cấp số")
    package.add_argument("-o", "--output", type=Path, required=True, metavar="THƯ_MỤC|TỆP.zip",
                         help="thư mục mới, hoặc tệp .zip, để ghi gói văn bản")
    package.add_argument("--han-xu-ly", type=_date, metavar="NGÀY/THÁNG/NĂM", help="hạn xử lý, ví dụ 30/06/2026")
    package.add_argument("--replace", action="store_true", help="thay gói văn bản đã có ở nơi ghi")


def run(args: argparse.Namespace) -> int:
    """Run a parsed ``templates``, ``template`` or ``register`` command."""
    if args.command == "templates":
        return _templates(args)
    handler = {
        ("template", "show"): _template_show,
        ("template", "diff"): _template_diff,
        ("template", "submit"): _template_submit,
        ("template", "approve"): _template_approve,
        ("template", "retire"): _template_retire,
        ("template", "import"): _template_import,
        ("template", "export"): _template_export,
        ("register", "issue"): _register_issue,
        ("register", "list"): _register_list,
        ("register", "cancel"): _register_cancel,
        ("register", "export"): _register_export,
        ("register", "history"): _register_history,
        ("office", "roles"): _office_roles,
        ("office", "show"): _office_show,
        ("office", "set"): _office_set,
        ("package", None): _package,
        ("snippets", "list"): _snippets_list,
        ("snippets", "add"): _snippets_add,
    }[(args.command, getattr(args, "action", None))]
    return handler(args)


def _table(rows: Sequence[Sequence[str]], header: tuple[str, ...]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())


# Every error message printed by this run (the history notice at the end is left out when an error said it).
printed_errors: list[str] = []


def _fail(message: str) -> int:
    printed_errors.append(message)
    print(f"ptdraft: lỗi: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


# -- templates ---------------------------------------------------------------------------------------


def _templates(args) -> int:
    from ptdraft import api
    from ptdraft.office.library import ORIGIN_LABELS
    from ptdraft.templating.templates import APPROVAL_LABELS

    result = api.library_templates(args.db, include_all=args.all)
    header: tuple[str, ...] = ("MÃ", "TÊN MẪU", "LOẠI", "PHIÊN BẢN", "TRẠNG THÁI")
    rows = []
    for entry in result.entries:
        t = entry.template
        row: tuple[str, ...] = (t.id, t.title, t.doc_type, str(t.version), APPROVAL_LABELS.get(entry.state, entry.state))
        rows.append(row + (ORIGIN_LABELS[entry.origin],) if args.all else row)
    _table(rows, header + ("NGUỒN",) if args.all else header)
    errors = ([result.error] if result.error else []) + list(result.problems)
    for error in errors:
        _fail(str(error))
    return EXIT_BAD_INPUT if errors else EXIT_OK


def _template_show(args) -> int:
    from ptdraft import api
    from ptdraft.office import library
    from ptdraft.office.library import ORIGIN_LABELS
    from ptdraft.templating.templates import APPROVAL_LABELS

    with api.open_database(args.db) as db:
        entry = library.get(db, args.template_id, args.version)
        events = api.template_history(args.template_id, entry.template.version, db=db) if entry.origin == "library" else []
    t = entry.template
    print(f"Mẫu: {t.title} ({t.id}), phiên bản {t.version}, {APPROVAL_LABELS.get(entry.state, entry.state)}, "
          f"nguồn: {ORIGIN_LABELS[entry.origin]}")
    print(f"Loại văn bản: {t.doc_type}")
    print(f"SHA-256: {entry.sha256}")
    if entry.origin == "shipped" and t.approval.by:
        print(f"Duyệt bởi: {t.approval.by}, ngày {t.approval.at}")
    for event in events:
        note = f" ({event.note})" if event.note else ""
        print(f"  {event.at}  {_ACTIONS.get(event.action, event.action)} bởi {event.actor}{note}")
    print()
    sys.stdout.write(t.source if t.source.endswith("\n") else t.source + "\n")
    return EXIT_OK


_ACTIONS = {
    "created": "tạo bản nháp",
    "submitted": "gửi duyệt",
    "imported": "nhập từ tệp, chờ duyệt",
    "approved": "duyệt",
    "retired": "ngừng dùng",
}


def _template_diff(args) -> int:
    from ptdraft import api

    text = api.template_diff(args.template_id, args.old, args.new, db=args.db)
    if text:
        sys.stdout.write(text)
    else:
        print(f"Phiên bản {args.old} và {args.new} của mẫu '{args.template_id}' giống hệt nhau.")
    return EXIT_OK


def _template_submit(args) -> int:
    from ptdraft import api
    from ptdraft.files.disk import read_text

    source = args.source
    path = Path(source)
    if source.lower().endswith(".toml") or path.is_file():
        stored = api.save_template(read_text(path), by=args.by, submit=True, db=args.db, where=str(path))
    else:
        if args.version is None:
            raise InputError("hãy đưa tệp mẫu .toml, hoặc mã mẫu kèm --version N của bản nháp cần gửi duyệt", "submit")
        stored = api.submit_template(source, args.version, by=args.by, db=args.db)
    print(f"Đã gửi duyệt mẫu '{stored.template_id}' phiên bản {stored.version} (chờ duyệt).")
    return EXIT_OK


def _template_approve(args) -> int:
    from ptdraft import api

    with api.open_database(args.db) as db:
        version = args.version
        if version is None:
            waiting = [v for v in api.template_versions(args.template_id, db=db) if v.state == "submitted"]
            if not waiting:
                raise InputError(f"mẫu '{args.template_id}' không có phiên bản nào đang chờ duyệt", "mẫu")
            version = waiting[-1].version
        stored = api.approve_template(args.template_id, version, by=args.by, db=db)
    print(f"Đã duyệt mẫu '{stored.template_id}' phiên bản {stored.version}; SHA-256: {stored.sha256}")
    return EXIT_OK


def _template_retire(args) -> int:
    from ptdraft import api

    retired = api.retire_template(args.template_id, args.version, by=args.by, db=args.db)
    numbers = ", ".join(str(v.version) for v in retired)
    print(f"Đã ngừng dùng mẫu '{args.template_id}' phiên bản {numbers}.")
    return EXIT_OK


def _template_import(args) -> int:
    from ptdraft import api

    stored, check = api.import_template_file(args.file, by=args.by, db=args.db)
    for line in check.summary:
        print(line)
    print(f"Đã nhập mẫu '{stored.template_id}' vào thư viện, phiên bản {stored.version} (chờ duyệt).")
    return EXIT_OK


def _template_export(args) -> int:
    from ptdraft import api

    entry = api.export_template(args.template_id, args.output, version=args.version, db=args.db)
    print(f"Đã ghi mẫu '{entry.template.id}' phiên bản {entry.template.version} vào {args.output}")
    return EXIT_OK


# -- register ----------------------------------------------------------------------------------------


def _register_issue(args) -> int:
    from ptdraft import api
    from ptdraft.storage import BOOK_LABELS

    if args.preview:
        if args.docx:
            raise InputError("--preview chỉ xem số, không xuất tệp; bỏ --docx", "--preview")
        draft = api.load_draft(args.draft)
        preview = api.preview_number(draft, db=args.db)
        print(f"Số sẽ cấp: {preview.symbol} ({BOOK_LABELS[preview.book]} của {preview.issuer}, năm {preview.year}); "
              "chưa lấy số")
        return EXIT_OK
    _draft, entry = api.issue_number_for_file(args.draft, db=args.db, user=args.by, docx=args.docx)
    print(f"Đã cấp số: {entry.symbol} ({BOOK_LABELS[entry.book]} của {entry.issuer}, năm {entry.year})")
    if args.docx:
        print(f"Đã ghi {entry.file_path or args.docx}")
    return EXIT_OK


def _register_list(args) -> int:
    from ptdraft import api
    from ptdraft.storage import BOOK_TITLES, STATUS_LABELS

    rows = api.register_entries(db=args.db, year=args.year, issuer=args.issuer, book=args.book, status=args.status,
                                search=args.search)
    if args.json:
        for entry in rows:
            print(json.dumps(entry.as_dict(), ensure_ascii=False))
        return EXIT_OK
    table = [
        (entry.number_text, entry.symbol, BOOK_TITLES.get(entry.book, entry.book), entry.doc_date.strftime("%d/%m/%Y"),
         entry.doc_type,
         entry.subject if len(entry.subject) <= 60 else entry.subject[:59] + "…", entry.signer,
         STATUS_LABELS.get(entry.status, entry.status))
        for entry in rows
    ]
    _table(table, ("SỐ", "SỐ, KÝ HIỆU", "SỔ", "NGÀY", "LOẠI", "TRÍCH YẾU", "NGƯỜI KÝ", "TRẠNG THÁI"))
    return EXIT_OK


def _register_cancel(args) -> int:
    from ptdraft import api

    entry = api.cancel_number(args.number, year=args.year, issuer=args.issuer, book=args.book, reason=args.reason,
                              user=args.by, db=args.db)
    print(f"Đã hủy số {entry.symbol} (năm {entry.year}); số này không bao giờ được cấp lại.")
    return EXIT_OK


def _register_export(args) -> int:
    from ptdraft import api

    count = api.export_register(args.output, args.fmt, db=args.db, year=args.year)
    print(f"Đã ghi {count} dòng của sổ đăng ký văn bản đi vào {args.output}")
    return EXIT_OK


def _register_history(args) -> int:
    from ptdraft import api
    from ptdraft.storage.history import ACTION_LABELS, events_problem as history_problem

    with api.open_database(args.db) as db:
        rows = db.history()
    problem = history_problem(rows)
    if args.verify:
        if problem:
            return _fail(f"lịch sử: {problem}")
        print(f"Lịch sử nguyên vẹn: {len(rows)} dòng, chuỗi mã băm khớp.")
        return EXIT_OK
    if args.json:
        for event in rows:
            print(json.dumps(event.as_dict(), ensure_ascii=False))
    else:
        table = [(str(e.seq), e.at, ACTION_LABELS.get(e.action, e.action), e.subject, e.actor, e.os_user,
                  e.db_role or "-", e.note) for e in rows]
        _table(table, ("STT", "LÚC", "VIỆC", "ĐỐI TƯỢNG", "NGƯỜI", "TÊN ĐĂNG NHẬP", "VAI TRÒ CSDL", "GHI CHÚ"))
    if problem:
        return _fail(f"lịch sử: {problem}")
    return EXIT_OK


def _office_roles(args) -> int:
    from ptdraft import api

    if args.sql:
        sys.stdout.write(api.roles_sql(args.schema))
        return EXIT_OK
    schema = api.apply_database_roles(db=args.db)
    print(f"Đã đặt quyền cho ptdraft_clerk (văn thư) và ptdraft_reviewer (người duyệt) trên lược đồ {schema}.")
    return EXIT_OK


# -- office profile and packages ---------------------------------------------------------------------


def _office_show(args) -> int:
    from ptdraft import api
    from ptdraft.office import profile as office

    profile = api.office_profile(db=args.db)
    if args.json:
        print(json.dumps(profile, ensure_ascii=False, indent=2))
        return EXIT_OK
    from ptdraft.office import office_defaults

    width = max(len(i.label) for i in office.ITEMS)
    indent = "\n" + " " * (width + 2)
    for entry in office.ITEMS:
        print(f"{entry.label.ljust(width)}  {profile.get(entry.id, '(chưa nhập)').replace(chr(10), indent)}")
    forms = office_defaults.header_forms(profile)
    if forms.authority:
        print()
        print("Theo đơn vị hành chính từ 01/7/2025 (dùng khi mục tương ứng để trống):")
        print(f"  Tiêu đề của Ủy ban nhân dân: {forms.authority.replace(chr(10), ' / ')} (không có dòng cơ quan chủ quản)")
        print(f"  Cơ quan chủ quản của các cơ quan thuộc Ủy ban: {forms.parent_of_offices}")
        print(f"  Địa danh: {forms.place}")
        print(f"  Ký thay mặt tập thể: TM. {forms.collective} / KT. {forms.head_title} / {forms.deputy_title}")
    return EXIT_OK


def _office_set(args) -> int:
    from ptdraft import api
    from ptdraft.office import profile as office

    values = office.parse_assignments(args.items)
    api.set_office_profile(values, by=args.by, db=args.db)
    for name, value in values.items():
        label = office.BY_ID[name].label
        print(f"{label}: {value.replace(chr(10), ' | ')}" if value else f"{label}: đã xóa")
    return EXIT_OK


def _snippets_list(args) -> int:
    from ptdraft import api
    from ptdraft.office import snippets

    found = api.snippets(args.kind, profile=api.office_profile_for_drafts(args.db))
    for snippet in found:
        if args.json:
            print(json.dumps({"id": snippet.id, "kind": snippet.kind, "title": snippet.title,
                              "lines": list(snippet.lines), "origin": snippet.origin}, ensure_ascii=False))
        else:
            print(f"{snippet.id}  [{snippets.KINDS[snippet.kind]}] {snippet.title}")
            for line in snippet.lines:
                print(f"    {line}")
    return EXIT_OK


def _snippets_add(args) -> int:
    from ptdraft import api
    from ptdraft.files import disk

    disk.check_output(args.output, args.draft, None)
    draft = api.load_draft(args.draft)
    found = {s.id: s for s in api.snippets(profile=api.office_profile_for_drafts(args.db))}
    for snippet_id in args.ids:
        if snippet_id not in found:
            raise InputError(f"không có đoạn mẫu '{snippet_id}' (xem: ptdraft snippets list)", "MÃ_ĐOẠN")
        draft = api.insert_snippet(draft, found[snippet_id])
    written = api.save_draft(draft, args.output)
    print(f"Đã chèn {len(args.ids)} đoạn mẫu, ghi bản thảo {written}")
    return EXIT_OK


def _qt_painter(layout, path) -> None:
    """The package's PDF painted with Qt, when LibreOffice is missing (loaded only then)."""
    from ptdraft.gui.printing import layout_pdf

    layout_pdf(layout, path)


def _package(args) -> int:
    from ptdraft import api

    draft = api.load_draft(args.draft)
    made = api.make_package(draft, args.output, db=args.db, by=args.by, deadline=args.han_xu_ly, replace=args.replace,
                            painter=_qt_painter)
    print(f"Đã ghi gói văn bản {made.entry.symbol} vào {made.path}: "
          + ", ".join(made.files) + f" ({made.pdf_kind}, {made.page_count} trang)")
    print(f"Sổ đăng ký đã ghi lần đóng gói thứ {made.record.seq} của số {made.entry.symbol}.")
    for warning in made.warnings:
        print(f"ptdraft: lưu ý: {warning}", file=sys.stderr)
    return EXIT_OK
