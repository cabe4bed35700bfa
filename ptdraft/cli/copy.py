"""``ptdraft copy``: a copy (bản sao) of an issued draft, SAO Y, SAO LỤC or TRÍCH SAO, on paper or electronic.

    ptdraft copy qd.json --kind sao-y -o ban-sao.docx
    ptdraft copy qd.json --kind trich-sao --paragraphs 4-6,20 -o trich-sao.docx
    ptdraft copy qd.json --kind sao-luc --electronic --copier-name "Ủy ban nhân dân tỉnh Quảng Trị" -o sao-luc.docx

The copying body, its code, place and signer come from the office profile (``ptdraft office set``), else from the
draft's own header; options override them. The number comes from the register's book of copies. Only ptdraft
drafts (.json) are copied: a DOCX from elsewhere is imported first (``ptdraft import``).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from ptdraft.cli import library as cli_library
from ptdraft.errors import InputError

COMMANDS = ("copy",)
EXIT_OK = 0


def add_commands(sub) -> None:
    copy = sub.add_parser("copy", help="tạo bản sao (sao y, sao lục, trích sao) của một văn bản đã cấp số")
    copy.add_argument("draft", type=Path, metavar="BẢN_THẢO.json", help="bản thảo của văn bản đã được cấp số")
    copy.add_argument("--kind", required=True, metavar="sao-y|sao-luc|trich-sao", help="hình thức sao")
    copy.add_argument("--electronic", action="store_true",
                      help="bản sao điện tử (Mẫu 3.2): ô thông tin 10 pt ở góc trên bên phải trang đầu")
    copy.add_argument("--paragraphs", metavar="1,3-5", help="trích sao: các đoạn cần trích (xem --list-paragraphs)")
    copy.add_argument("--list-paragraphs", action="store_true", help="liệt kê các đoạn đánh số của nội dung rồi thoát")
    copy.add_argument("--date", type=cli_library._date, metavar="NGÀY", help="ngày sao, dd/mm/yyyy (mặc định: hôm nay)")
    copy.add_argument("--copier", metavar="TÊN_CƠ_QUAN", help="tên cơ quan sao như in ở tiêu đề (các dòng cách nhau |)")
    copy.add_argument("--parent", metavar="CƠ_QUAN_CHỦ_QUẢN", help="cơ quan chủ quản của cơ quan sao")
    copy.add_argument("--issuer-code", metavar="KÝ_HIỆU", help="chữ viết tắt tên cơ quan sao (trong số: 05/SY-UBND)")
    copy.add_argument("--place", metavar="ĐỊA_DANH", help="địa danh của cơ quan sao")
    copy.add_argument("--copier-name", metavar="TÊN", help="tên cơ quan sao viết thường, cho bản sao điện tử")
    copy.add_argument("--signer", metavar="N|HỌ_TÊN;CHỨC_VỤ;HÌNH_THỨC",
                      help="người ký bản sao: số thứ tự trong thông tin cơ quan (1, 2 …) hoặc "
                           "'Họ tên; chức vụ; hình thức ký' (mặc định: người ký thứ nhất)")
    copy.add_argument("--to", action="append", default=[], metavar="NƠI_NHẬN", help="nơi nhận bản sao (lặp lại được)")
    copy.add_argument("--archive", action="append", default=[], metavar="ĐƠN_VỊ",
                      help="đơn vị lưu bản sao sau VT (lặp lại được)")
    copy.add_argument("--preview", action="store_true", help="chỉ xem số bản sao sẽ cấp, không lấy số, không ghi tệp")
    copy.add_argument("-o", "--output", type=Path, metavar="TỆP.docx", help="tệp DOCX của bản sao")
    copy.add_argument("--db", metavar="ĐƯỜNG_DẪN_HOẶC_URL",
                      help="sổ đăng ký: tệp SQLite hoặc postgresql://… (mặc định: biến PTDRAFT_DB, rồi tệp trong "
                           "thư mục dữ liệu)")
    copy.add_argument("--by", "--user", dest="by", metavar="TÊN", help="người thực hiện (mặc định: tên đăng nhập)")


def _signature(text: str | None, profile: dict, default):
    from ptdraft import api
    from ptdraft.office import office_defaults

    if text is None:
        return default
    if text.strip().isdigit():
        signers = office_defaults.signers(profile)
        index = int(text.strip())
        if not 1 <= index <= len(signers):
            raise InputError(f"thông tin cơ quan có {len(signers)} người ký; không có người thứ {index}", "--signer")
        return api.signature_of(signers[index - 1])
    return api.signature_of(office_defaults.parse_signer(text, "--signer"))


def _request(args, draft, profile: dict):
    import dataclasses
    import datetime as _dt

    from ptdraft import api

    kind = api.copy_kind(args.kind)
    if args.paragraphs and kind is not api.CopyKind.TRICH_SAO:
        raise InputError("chỉ trích sao mới chọn đoạn; bỏ --paragraphs hoặc dùng --kind trich-sao", "--paragraphs")
    copier = api.default_copier(draft, profile)
    changes = {}
    for option, attr in (("copier", "authority"), ("parent", "parent_authority"), ("issuer_code", "issuer_code"),
                         ("place", "place"), ("copier_name", "name")):
        value = getattr(args, option)
        if value is not None:
            changes[attr] = value.replace("|", "\n") if attr in ("authority", "parent_authority") else value
    changes["signature"] = _signature(args.signer, profile, copier.signature)
    changes["distribution"] = tuple(args.to)
    changes["archive"] = tuple(args.archive)
    copier = dataclasses.replace(copier, **changes)
    chosen = api.parse_copy_passages(args.paragraphs, draft) if args.paragraphs else ()
    return api.CopyRequest(kind, copier, args.date or _dt.date.today(), electronic=args.electronic, passages=chosen)


def run(args: argparse.Namespace) -> int:
    from ptdraft import api
    from ptdraft.files import disk

    if args.draft.suffix.lower() != ".json":
        raise InputError("chỉ sao được bản thảo .json của ptdraft; tệp DOCX hãy nhập trước bằng "
                         "ptdraft import TỆP.docx -o BẢN_THẢO.json", str(args.draft))
    draft = api.load_draft(args.draft)
    if args.list_paragraphs:
        for number, text in enumerate(api.copy_passages(draft), start=1):
            print(f"{number:3d}. {text if len(text) <= 100 else text[:99] + '…'}")
        return EXIT_OK
    if args.output is None and not args.preview:
        raise InputError("cần tệp DOCX của bản sao: -o TỆP.docx", "-o")
    if args.output is not None:
        disk.check_output(args.output, args.draft)
    profile = api.office_profile_for_drafts(args.db)
    request = _request(args, draft, profile)
    api.copy_layout(draft, request)  # every part checked before the number is shown or taken
    if args.preview:
        number = api.next_copy_number(request, db=args.db)
        print(f"Số bản sao sẽ cấp: {api.copy_symbol(request, number)} (sổ bản sao năm {request.date.year}); "
              "chưa lấy số")
        return EXIT_OK
    written, entry = api.make_copy(draft, request, args.output, db=args.db, user=args.by)
    print(f"Đã cấp số bản sao: {entry.symbol} (sổ bản sao của {entry.issuer}, năm {entry.year})")
    print(f"Đã ghi {written}")
    return EXIT_OK
