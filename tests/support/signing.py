"""Keys and certificates for the ký số tests, made here (no file from elsewhere): a CA, signers issued by it, and
SoftHSM2 tokens holding a key and its certificate.

Everything is written under a temporary folder of the test session. The tokens live in a SOFTHSM2_CONF of that
folder, so the user's own SoftHSM tokens are never seen or touched.
"""
from __future__ import annotations

import datetime as _dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

PASSWORD = "mat-khau-thu"
PIN = "123456"
SO_PIN = "12345678"
SOFTHSM_LIBRARIES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _name(common: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ủy ban nhân dân tỉnh Quảng Trị (thử)"),
        x509.NameAttribute(NameOID.COMMON_NAME, common),
    ])


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class Issued:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    p12: Path
    name: str


class Authority:
    """A test CA that issues signing certificates as PKCS#12 files under ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.key = _key()
        now = _dt.datetime.now(_dt.timezone.utc)
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(_name("CA thử của ptdraft"))
            .issuer_name(_name("CA thử của ptdraft"))
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - _dt.timedelta(days=1))
            .not_valid_after(now + _dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
            .sign(self.key, hashes.SHA256())
        )
        self.pem = folder / "ca.pem"
        self.pem.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))

    def issue(self, name: str, file: str, *, days: tuple[int, int] = (-1, 365), signing: bool = True) -> Issued:
        """A certificate for ``name`` valid from now+days[0] to now+days[1]; ``signing`` False gives it a key usage
        of key encipherment only (a certificate that cannot sign)."""
        key = _key()
        now = _dt.datetime.now(_dt.timezone.utc)
        usage = (
            x509.KeyUsage(True, True, False, False, False, False, False, False, False)
            if signing
            else x509.KeyUsage(False, False, True, False, False, False, False, False, False)
        )
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(name))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now + _dt.timedelta(days=days[0]))
            .not_valid_after(now + _dt.timedelta(days=days[1]))
            .add_extension(usage, critical=True)
            .sign(self.key, hashes.SHA256())
        )
        path = self.folder / file
        path.write_bytes(
            pkcs12.serialize_key_and_certificates(
                name.encode("utf-8"), key, cert, [self.cert],
                serialization.BestAvailableEncryption(PASSWORD.encode("utf-8")),
            )
        )
        return Issued(key, cert, path, name)


def softhsm_library() -> str | None:
    if not shutil.which("softhsm2-util"):
        return None
    return next((p for p in SOFTHSM_LIBRARIES if os.path.isfile(p)), None)


@dataclass
class SoftToken:
    library: str
    label: str
    conf: Path


def make_token(folder: Path, label: str, issued: Issued) -> SoftToken:
    """A SoftHSM2 token ``label`` in its own configuration under ``folder``, holding ``issued``'s key and
    certificate (imported with python-pkcs11), with user PIN ``PIN``."""
    import pkcs11
    from pkcs11 import Attribute, ObjectClass

    library = softhsm_library()
    assert library is not None
    tokens = folder / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n", encoding="utf-8")
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", SO_PIN],
        check=True, capture_output=True, env=env,
    )
    os.environ["SOFTHSM2_CONF"] = str(conf)  # read by the library when it is loaded
    numbers = issued.key.private_numbers()
    public = numbers.public_numbers
    key_id = b"\x01"
    lib = pkcs11.lib(library)
    token = lib.get_token(token_label=label)
    with token.open(rw=True, user_pin=PIN) as session:
        session.create_object({
            Attribute.CLASS: ObjectClass.PRIVATE_KEY,
            Attribute.KEY_TYPE: pkcs11.KeyType.RSA,
            Attribute.TOKEN: True,
            Attribute.PRIVATE: True,
            Attribute.SENSITIVE: True,
            Attribute.SIGN: True,
            Attribute.ID: key_id,
            Attribute.LABEL: issued.name,
            Attribute.MODULUS: _bytes(public.n),
            Attribute.PUBLIC_EXPONENT: _bytes(public.e),
            Attribute.PRIVATE_EXPONENT: _bytes(numbers.d),
            Attribute.PRIME_1: _bytes(numbers.p),
            Attribute.PRIME_2: _bytes(numbers.q),
            Attribute.EXPONENT_1: _bytes(numbers.dmp1),
            Attribute.EXPONENT_2: _bytes(numbers.dmq1),
            Attribute.COEFFICIENT: _bytes(numbers.iqmp),
        })
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: pkcs11.CertificateType.X_509,
            Attribute.TOKEN: True,
            Attribute.ID: key_id,
            Attribute.LABEL: issued.name,
            Attribute.SUBJECT: issued.cert.subject.public_bytes(),
            Attribute.VALUE: issued.cert.public_bytes(serialization.Encoding.DER),
        })
    return SoftToken(library, label, conf)


def _bytes(number: int) -> bytes:
    return number.to_bytes((number.bit_length() + 7) // 8 or 1, "big")


def png(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (300, 120)) -> Path:
    """A PNG with a transparent background and a coloured stroke (a stand-in for a signature or a seal)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size[0] - 8, size[1] - 8), outline=(*colour, 255), width=6)
    draw.line((20, size[1] // 2, size[0] - 20, size[1] // 3), fill=(*colour, 255), width=5)
    image.save(path, "PNG")
    return path
