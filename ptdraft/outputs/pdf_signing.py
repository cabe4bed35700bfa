"""Signing a field of a PDF (PAdES B-B) and verifying the signatures of a PDF, with pyHanko.

The key is a PKCS#12 file (.p12/.pfx) or a PKCS#11 token (the USB token officials sign with). Before anything is
signed the certificate is checked: it must be valid now and, when it states its key usage, allow digitalSignature
or nonRepudiation. The appearance is the signer's or the seal's PNG (Nghị định 30 Phụ lục I: blue signature, red
seal, transparent background), or for the copy box the number and the signing time in ISO 8601 with the Vietnam
time zone, Times New Roman 10 pt, upright, black. The signed file is written beside the output and renamed into
place: a failure at any step leaves no file and the input as it was.
"""
from __future__ import annotations

import asyncio
import datetime as _dt
import io
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ptdraft.files import disk
from ptdraft.outputs import pdf_fields
from ptdraft.errors import InputError

VIETNAM = _dt.timezone(_dt.timedelta(hours=7))  # Vietnam keeps UTC+7 all year (no daylight saving)
KEY_USAGES = {"digital_signature", "non_repudiation"}
FONT_ENV = "PTDRAFT_FONT_TIMES"
FONT_FILES = (
    # Windows
    "times.ttf",
    # Linux: Times New Roman from msttcorefonts, else Liberation Serif (the same widths)
    "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf",
    "/usr/share/fonts/truetype/msttcorefonts/times.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    # macOS
    "/System/Library/Fonts/Supplemental/Times New Roman.ttf",
    "/Library/Fonts/Times New Roman.ttf",
)


@dataclass(frozen=True)
class Pkcs12:
    path: Path
    password: str | None


@dataclass(frozen=True)
class Token:
    library: str
    label: str
    pin: str | None
    key_label: str | None = None


def _quiet() -> None:
    """pyHanko logs each failed step (a path to an untrusted root, say) with a traceback; the command line
    reports the outcome itself, in Vietnamese."""
    for name in ("pyhanko", "pyhanko_certvalidator", "fontTools"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


# -- reading the input ------------------------------------------------------------------

def _read(path: Path, what: str) -> bytes:
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"không có {what} này", str(path)) from None
    except IsADirectoryError:
        raise InputError(f"đây là một thư mục, không phải {what}", str(path)) from None
    except OSError as exc:
        raise InputError(f"không đọc được {what} ({exc.strerror})", str(path)) from None


def _field(reader, field: str, where: str):
    from pyhanko.sign import fields

    found = [(name, value is not None) for name, value, _ref in fields.enumerate_sig_fields(reader)]
    for name, signed in found:
        if name == field:
            if signed:
                raise InputError(f"trường chữ ký '{field}' đã được ký; không ký đè lên chữ ký đã có", where)
            return
    if found:
        listed = ", ".join(f"{name} ({'đã ký' if signed else 'chưa ký'})" for name, signed in found)
        raise InputError(f"không có trường chữ ký '{field}'; tệp có các trường: {listed}", where)
    raise InputError(
        f"không có trường chữ ký '{field}': tệp không có trường chữ ký nào (không phải PDF do ptdraft pdf tạo?)", where
    )


def check_field(path: Path, field: str):
    """The reader and bytes of ``path`` once it is known to be a readable PDF with the empty field ``field``."""
    pdf_fields._need_pyhanko()
    _quiet()
    where = str(path)
    data = _read(path, "tệp PDF")
    reader = pdf_fields._pdf_reader(data, where)
    _field(reader, field, where)
    return reader, data


# -- the key and its certificate -----------------------------------------------------------

def _check_certificate(cert, now: _dt.datetime, where: str) -> None:
    validity = cert["tbs_certificate"]["validity"]
    not_before = validity["not_before"].native
    not_after = validity["not_after"].native
    subject = cert.subject.human_friendly
    if now < not_before:
        raise InputError(f"chứng thư số của '{subject}' chưa có hiệu lực (từ {not_before:%d/%m/%Y %H:%M} UTC)", where)
    if now > not_after:
        raise InputError(f"chứng thư số của '{subject}' đã hết hạn ngày {not_after:%d/%m/%Y}", where)
    usage = cert.key_usage_value
    if usage is not None and not (set(usage.native) & KEY_USAGES):
        raise InputError(
            f"chứng thư số của '{subject}' không dùng để ký (mục đích sử dụng khóa không có digitalSignature "
            "hay nonRepudiation)", where
        )


def _pkcs12_signer(key: Pkcs12):
    from pyhanko.sign import signers

    data = _read(key.path, "tệp khóa PKCS#12")
    password = key.password.encode("utf-8") if key.password else None
    try:
        return signers.SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=password)
    except (ValueError, TypeError):
        raise InputError("không mở được tệp khóa PKCS#12: sai mật khẩu, hoặc tệp không phải .p12/.pfx", str(key.path)) from None


class _TokenSession:
    """An open PKCS#11 session and the signer on its key; closed when the block ends."""

    def __init__(self, token: Token) -> None:
        self.token = token
        self.session = None

    def __enter__(self):
        import pkcs11
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign import pkcs11 as p11
        from pyhanko.sign.general import SigningError

        where = self.token.library
        if not Path(where).is_file():
            raise InputError("không có thư viện PKCS#11 này (tệp .so/.dll của token)", where)
        try:
            library = pkcs11.lib(where)
            tokens = [slot.get_token().label for slot in library.get_slots(token_present=True)]
        except (pkcs11.PKCS11Error, RuntimeError, OSError) as exc:
            raise InputError(f"không nạp được thư viện PKCS#11 ({type(exc).__name__})", where) from None
        if self.token.label not in tokens:
            present = ", ".join(f"'{t}'" for t in tokens) or "không có token nào"
            raise InputError(f"không thấy token '{self.token.label}' (đang cắm: {present})", "--token")
        try:
            self.session = p11.open_pkcs11_session(
                where, token_criteria=TokenCriteria(label=self.token.label), user_pin=self.token.pin
            )
        except pkcs11.PinIncorrect:
            raise InputError("mã PIN của token sai", "--token") from None
        except pkcs11.PinLocked:
            raise InputError("token đã bị khóa vì nhập sai mã PIN quá số lần cho phép", "--token") from None
        except (pkcs11.PKCS11Error, ValueError) as exc:
            raise InputError(f"không mở được token ({type(exc).__name__})", "--token") from None
        try:
            return self._signer(pkcs11, p11, SigningError)
        except BaseException:
            self.session.close()
            self.session = None
            raise

    def _signer(self, pkcs11, p11, SigningError):
        from pkcs11 import Attribute, ObjectClass

        key_label = self.token.key_label
        key_id = None
        if key_label is None:
            keys = list(self.session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}))
            if not keys:
                raise InputError("token không có khóa bí mật nào để ký", "--token")
            if len(keys) > 1:
                labels = ", ".join(f"'{k.label}'" for k in keys)
                raise InputError(f"token có nhiều khóa ({labels}); chọn một bằng --key-label", "--token")
            key_id = keys[0][Attribute.ID]
        try:
            signer = p11.PKCS11Signer(self.session, key_label=key_label, key_id=key_id)
            signer.signing_cert  # noqa: B018 - reads the certificate from the token now
        except (pkcs11.PKCS11Error, SigningError) as exc:
            raise InputError(f"không lấy được khóa và chứng thư số trên token ({exc})", "--token") from None
        return signer

    def __exit__(self, *exc) -> None:
        if self.session is not None:
            self.session.close()


# -- appearance -----------------------------------------------------------------------------

def times_font() -> str:
    """A Times New Roman file (or Liberation Serif, same widths) for the 10 pt text of the copy box."""
    named = os.environ.get(FONT_ENV)
    candidates = [named] if named else []
    windows = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    for name in FONT_FILES:
        if os.path.isabs(name):
            candidates.append(name)
        elif windows and sys.platform == "win32":
            candidates.append(os.path.join(windows, "Fonts", name))
    for candidate in candidates:
        if candidate and os.path.isfile(candidate):
            return candidate
    raise InputError(
        f"không tìm thấy phông Times New Roman (hoặc Liberation Serif) cho ô chữ ký 10 pt; đặt biến {FONT_ENV} "
        "chỉ tới tệp .ttf", "phông chữ"
    )


def _font_factory(path: str):
    """pyHanko's OpenType engine, with glyph widths in the PDF's thousandths of an em.

    pyHanko (0.38) writes a CIDFont's /W widths in the font's own units, which is right only for fonts of 1000
    units per em; Times New Roman and Liberation Serif have 2048, so every glyph would be drawn twice as far from
    the next. The engine below shapes at a scale of 1000 (HarfBuzz) and stores each width converted to 1000."""
    from pyhanko.pdf_utils.font.api import FontEngineFactory
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator

    class PerMille(GlyphAccumulator):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._per_mille = 1000 / self.units_per_em
            self.hb_font.scale = (1000, 1000)
            self.units_per_em = 1000

        def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
            if glyph_id not in self._glyphs:
                cid, width = super()._get_cid_and_width(glyph_id)
                self._glyphs[glyph_id] = (cid, round(width * self._per_mille))
            return self._glyphs[glyph_id]

    data = Path(path).read_bytes()

    class Factory(FontEngineFactory):
        def create_font_engine(self, writer, obj_stream=None):
            return PerMille(writer=writer, font_handle=io.BytesIO(data), font_size=pdf_fields.COPY_SIZE,
                            obj_stream=obj_stream)

    return Factory()


def _image_style(path: Path):
    from PIL import Image, UnidentifiedImageError
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.stamp import StaticStampStyle

    try:
        with Image.open(Path(path)) as opened:
            if opened.format != "PNG":
                raise InputError("ảnh chữ ký, con dấu phải là tệp PNG (nền trong suốt)", str(path))
            opened.load()
            image = opened.copy()
    except FileNotFoundError:
        raise InputError("không có tệp ảnh này", str(path)) from None
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise InputError("tệp ảnh hỏng hoặc không phải PNG", str(path)) from None
    rule = layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MID,
        y_align=layout.AxisAlignment.ALIGN_MID,
        margins=layout.Margins.uniform(0),
        inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
    )
    return StaticStampStyle(background=PdfImage(image), border_width=0, background_layout=rule, background_opacity=1.0)


def _text_style(lines: list[str]):
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    text = "\n".join(line.replace("%", "%%") for line in lines)
    tight = layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MIN,
        y_align=layout.AxisAlignment.ALIGN_MAX,
        margins=layout.Margins.uniform(0),
    )
    box = TextBoxStyle(
        font=_font_factory(times_font()),
        font_size=pdf_fields.COPY_SIZE,
        leading=round(pdf_fields.COPY_SIZE * pdf_fields.COPY_LINE),
        border_width=0,
        box_layout_rule=tight,
    )
    # The box is sized for the text at 10 pt (pdf_fields.copy_box); a longer text is shrunk rather than cut.
    rule = layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MIN,
        y_align=layout.AxisAlignment.ALIGN_MAX,
        margins=layout.Margins.uniform(pdf_fields.COPY_PAD),
        inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
    )
    return TextStampStyle(stamp_text=text, text_box_style=box, border_width=0, inner_content_layout=rule)


def signing_time(now: _dt.datetime | None = None) -> _dt.datetime:
    return (now or _dt.datetime.now(VIETNAM)).astimezone(VIETNAM).replace(microsecond=0)


def _document_number(reader) -> str:
    try:
        info = reader.trailer_view["/Info"]
        return str(info[pdf_fields.NUMBER_KEY])
    except (KeyError, TypeError):
        return ""


# -- signing ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Signed:
    output: Path
    field: str
    signer: str
    time: _dt.datetime


def sign(
    path: Path,
    output: Path,
    *,
    field: str,
    key: Pkcs12 | Token,
    image: Path | None = None,
    number: str | None = None,
    now: _dt.datetime | None = None,
) -> Signed:
    """Sign the empty signature field ``field`` of ``path`` and write the result to ``output`` (atomically)."""
    reader, data = check_field(path, field)
    disk.check_writable(Path(output))
    moment = signing_time(now)
    if image is not None and field == pdf_fields.COPY:
        raise InputError("ô bản sao (ban-sao) không hiện hình ảnh, chỉ số và thời gian ký (Phụ lục I); bỏ --image", "--image")
    for module, wanted in (("PIL", image is not None), ("pkcs11", isinstance(key, Token)),
                           ("fontTools", image is None), ("uharfbuzz", image is None)):
        if wanted:
            pdf_fields._need_pyhanko(module)
    style = _image_style(image) if image is not None else None
    if isinstance(key, Token):
        with _TokenSession(key) as signer:
            return _sign_with(signer, reader, data, output, field, style, number, moment)
    return _sign_with(_pkcs12_signer(key), reader, data, output, field, style, number, moment)


def _sign_with(signer, reader, data: bytes, output: Path, field: str, style, number, moment) -> Signed:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    cert = signer.signing_cert
    _check_certificate(cert, moment, "chứng thư số")
    who = cert.subject.native.get("common_name") or cert.subject.human_friendly
    if style is None:
        if field == pdf_fields.COPY:
            lines = [number if number is not None else _document_number(reader), moment.isoformat()]
        else:
            lines = [f"Ký bởi: {who}", moment.isoformat()]
        style = _text_style([line for line in lines if line.strip()])
    meta = signers.PdfSignatureMetadata(
        field_name=field,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style)
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    pdf_fields.same_producer(writer, writer.prev)
    out = io.BytesIO()
    try:
        asyncio.run(_run(pdf_signer, writer, out, moment))
    except InputError:
        raise
    except Exception as exc:  # pyHanko and the token report their failures with many exception types
        raise InputError(f"không ký được ({type(exc).__name__}: {exc})", field) from None
    disk.write_atomic(Path(output), out.getvalue())
    return Signed(Path(output), field, who, moment)


async def _run(pdf_signer, writer, out, moment: _dt.datetime) -> None:
    """pyHanko's signing steps, with the signing time set to ``moment`` (UTC+7) so that the visible time and
    the signature dictionary's /M are the same instant."""
    session = pdf_signer.init_signing_session(writer, existing_fields_only=True)
    session.system_time = moment
    validation = await session.perform_presign_validation(writer)
    reserved = await session.estimate_signature_container_size(validation, tight=False)
    document = session.prepare_tbs_document(validation_info=validation, bytes_reserved=reserved)
    prepared, output = document.digest_tbs_document(output=out, in_place=False)
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    after = await document.perform_signature(
        document_digest=prepared.document_digest,
        pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=moment),
    )
    await after.post_signature_processing(output)


# -- verifying --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Checked:
    field: str
    signer: str
    time: _dt.datetime | None
    intact: bool
    trusted: bool | None  # None: no trust anchor given
    covers: str
    problem: str = ""


def verify(path: Path, trust: list[Path] | None = None) -> tuple[list[Checked], list[str]]:
    """Each signature of ``path`` and whether it is intact (and trusted, when anchors are given); the empty
    signature fields."""
    pdf_fields._need_pyhanko()
    _quiet()
    from pyhanko.sign import fields
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    where = str(path)
    data = _read(path, "tệp PDF")
    reader = pdf_fields._pdf_reader(data, where)
    roots = [_load_certificate(p) for p in (trust or [])]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    empty = [name for name, value, _ref in fields.enumerate_sig_fields(reader) if value is None]
    results = []
    try:
        signatures = list(reader.embedded_signatures)
    except Exception as exc:
        raise InputError(f"không đọc được các chữ ký của tệp ({type(exc).__name__})", where) from None
    for embedded in signatures:
        name = embedded.field_name
        try:
            status = validate_pdf_signature(embedded, signer_validation_context=context)
        except Exception as exc:  # a mangled signature container: broken, reported as such
            results.append(Checked(name, "", None, False, None, "", f"chữ ký hỏng ({type(exc).__name__})"))
            continue
        cert = status.signing_cert
        who = cert.subject.native.get("common_name") or cert.subject.human_friendly
        intact = bool(status.intact and status.valid)
        level = status.modification_level
        covers = status.coverage.name if status.coverage is not None else ""
        problem = ""
        if not status.intact:
            problem = "nội dung đã bị sửa sau khi ký (mã băm không khớp)"
        elif not status.valid:
            problem = "chữ ký không khớp với chứng thư số"
        elif level is not None and level.name == "OTHER":
            intact = False
            problem = "tệp bị thay đổi sau khi ký, ngoài việc thêm chữ ký"
        elif status.docmdp_ok is False:
            intact = False
            problem = "tệp bị thay đổi sau khi ký, trái với quyền đã khóa"
        when = status.signer_reported_dt
        results.append(Checked(name, who, when, intact, bool(status.trusted) if roots else None, covers, problem))
    return results, empty


def _load_certificate(path: Path):
    from asn1crypto import pem, x509

    data = _read(path, "tệp chứng thư gốc")
    try:
        if pem.detect(data):
            _kind, _headers, data = pem.unarmor(data)
        cert = x509.Certificate.load(data)
        cert.native  # noqa: B018 - parses it now
        return cert
    except (ValueError, TypeError):
        raise InputError("tệp chứng thư gốc hỏng (cần .pem hoặc .cer/.der)", str(path)) from None
