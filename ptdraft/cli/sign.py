"""``ptdraft pdf``, ``ptdraft sign`` and ``ptdraft verify``: a PDF ready for ký số, signing a field, checking.

Registered from ptdraft/cli/main.py by :func:`add_commands` and run by :func:`run`; every failure is a PtdraftError (one
Vietnamese message, exit 2). ``verify`` exits 0 when every signature is intact and 1 when one is not.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ptdraft.cli import drafts
from ptdraft.cli import templates as cli_templates
from ptdraft.errors import InputError

COMMANDS = ("pdf", "sign", "verify")
EXIT_OK = 0
EXIT_BROKEN = 1


# The signature fields' names as ptdraft.rules.ROLES has them (written out so that the help needs no import;
# tests/test_ky_so.py checks they are the same).
ROLE_LIST = "chu-ky-nguoi-ky, con-dau, ban-sao"


def add_commands(sub) -> None:
    pdf = sub.add_parser("pdf", help="xuất PDF (qua LibreOffice) có sẵn các ô chữ ký số trống theo Phụ lục I")
    pdf.add_argument("source", metavar="NGUỒN", help="bản thảo .json, mã mẫu hoặc tệp mẫu .toml")
    pdf.add_argument("--data", type=Path, metavar="TỆP.json", help="tệp JSON các giá trị của trường")
    pdf.add_argument("--set", action="append", default=[], metavar="TRƯỜNG=GIÁ_TRỊ", help="gán một giá trị")
    pdf.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP.pdf", help="tệp PDF cần ghi")
    pdf.add_argument("--pdf-a", action="store_true", help="ghi theo chuẩn lưu trữ PDF/A-2b")
    pdf.add_argument("--copy", action="store_true",
                     help="thêm ô chữ ký số của cơ quan ở góc trên bên phải trang đầu (bản sao điện tử; phụ lục, "
                          "văn bản kèm theo ở tệp riêng)")
    cli_templates.add_db_option(pdf)

    roles = ROLE_LIST
    sign = sub.add_parser("sign", help="ký số một ô chữ ký của tệp PDF (PAdES B-B)")
    sign.add_argument("file", type=Path, metavar="TỆP.pdf", help="tệp PDF có ô chữ ký (do ptdraft pdf tạo)")
    sign.add_argument("--field", required=True, metavar="Ô_KÝ", help=f"ô chữ ký cần ký: {roles}")
    key = sign.add_mutually_exclusive_group(required=True)
    key.add_argument("--pkcs12", type=Path, metavar="TỆP.p12", help="khóa và chứng thư số trong tệp .p12/.pfx")
    key.add_argument("--pkcs11", metavar="THƯ_VIỆN", help="thư viện PKCS#11 của USB token (.dll/.so)")
    sign.add_argument("--token", metavar="NHÃN", help="nhãn của token (cùng --pkcs11)")
    sign.add_argument("--key-label", metavar="NHÃN_KHÓA", help="nhãn khóa trên token khi token có nhiều khóa")
    sign.add_argument("--password-file", type=Path, metavar="TỆP",
                      help="tệp chứa mật khẩu tệp .p12 (dòng đầu); không có thì hỏi khi ký")
    sign.add_argument("--pin-file", type=Path, metavar="TỆP",
                      help="tệp chứa mã PIN của token (dòng đầu); không có thì hỏi khi ký")
    sign.add_argument("--image", type=Path, metavar="ẢNH.png",
                      help="ảnh chữ ký (màu xanh) hoặc con dấu (màu đỏ), PNG nền trong suốt")
    sign.add_argument("--number", metavar="SỐ_KÝ_HIỆU",
                      help="số, ký hiệu in trong ô ban-sao (mặc định: số của văn bản lúc xuất PDF)")
    sign.add_argument("-o", "--output", type=Path, metavar="TỆP.pdf", help="tệp đã ký (mặc định: ghi đè tệp vào)")

    verify = sub.add_parser("verify", help="liệt kê các chữ ký số của tệp PDF và kiểm tra chữ ký còn nguyên vẹn")
    verify.add_argument("file", type=Path, metavar="TỆP.pdf", help="tệp PDF cần kiểm tra")
    verify.add_argument("--trust", type=Path, action="append", default=[], metavar="CA.pem",
                        help="chứng thư gốc tin cậy để xác minh người ký (lặp lại được)")


def run(args: argparse.Namespace) -> int:
    if args.command == "pdf":
        return _cmd_pdf(args)
    if args.command == "sign":
        return _cmd_sign(args)
    return _cmd_verify(args)


def _cmd_pdf(args) -> int:
    from ptdraft.outputs import pdf_fields

    draft = drafts.draft_from(args)
    # A PDF made to be signed is the finished document: never one with parts missing (no draft mark here).
    drafts.refuse_incomplete(draft, "hoặc dùng ptdraft render --du-thao cho bản dự thảo xin ý kiến (bản để ký số phải "
                                 "là văn bản hoàn chỉnh)")
    done = pdf_fields.export(draft, args.output, pdf_a=args.pdf_a, copy=args.copy)
    kind = "PDF/A-2b" if done.pdf_a else "PDF"
    print(f"Đã ghi {args.output} ({kind}, {done.pages} trang)")
    for role, box in done.boxes.items():
        print(f"  ô {role}: trang {box.page + 1}, {box.width / 72 * 25.4:.0f}×{box.height / 72 * 25.4:.0f} mm")
    return EXIT_OK


def _secret(path: Path | None, prompt: str, option: str) -> str | None:
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError("không có tệp này", str(path)) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"không đọc được tệp ({exc})", str(path)) from None
        lines = text.splitlines()
        return lines[0] if lines else ""
    if sys.stdin is None or not sys.stdin.isatty():
        raise InputError(f"cần {prompt}: không hỏi được khi không chạy trong cửa sổ lệnh; dùng {option}", option)
    try:
        import getpass

        return getpass.getpass(f"{prompt[0].upper()}{prompt[1:]}: ")
    except (EOFError, KeyboardInterrupt):
        raise InputError(f"chưa nhập {prompt}", option) from None


def _cmd_sign(args) -> int:
    from ptdraft.outputs import pdf_signing

    output = args.output or args.file
    if args.pkcs11:
        if not args.token:
            raise InputError("cần --token NHÃN cùng --pkcs11", "--token")
        pdf_signing.check_field(args.file, args.field)  # before the PIN is asked for
        key: pdf_signing.Token | pdf_signing.Pkcs12 = pdf_signing.Token(args.pkcs11, args.token, _secret(args.pin_file, "mã PIN của token", "--pin-file"),
                                args.key_label)
    else:
        pdf_signing.check_field(args.file, args.field)  # before the password is asked for
        key = pdf_signing.Pkcs12(args.pkcs12, _secret(args.password_file, "mật khẩu tệp .p12", "--password-file"))
    done = pdf_signing.sign(args.file, output, field=args.field, key=key, image=args.image, number=args.number)
    print(f"Đã ký ô {done.field} ({done.signer}, {done.time.isoformat()}): {done.output}")
    return EXIT_OK


def _cmd_verify(args) -> int:
    from ptdraft.outputs import pdf_signing

    checked, empty = pdf_signing.verify(args.file, args.trust)
    if not checked:
        print(f"{args.file}: không có chữ ký số nào")
    for item in checked:
        when = item.time.isoformat() if item.time else "không rõ thời gian"
        state = "còn nguyên vẹn" if item.intact else f"HỎNG: {item.problem}"
        trust = ""
        if item.trusted is not None:
            trust = "; người ký được xác minh với chứng thư gốc" if item.trusted else "; KHÔNG xác minh được người ký với chứng thư gốc đã cho"
        print(f"  {item.field}: {item.signer or 'không rõ người ký'}, {when}: {state}{trust}")
    for name in empty:
        print(f"  {name}: chưa ký")
    broken = [item for item in checked if not item.intact or item.trusted is False]
    return EXIT_BROKEN if broken else EXIT_OK
