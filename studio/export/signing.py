"""Bundle integrity and signatures: what lets a runtime refuse a bundle someone else changed.

Two ways, for two deployments:

* **integrity** (SRI-style, ``sha384-…`` of the bundle file's exact bytes) pins one bundle: the
  embed snippet carries it, so a new export needs the new snippet too;
* **signature** (Ed25519 over the file's exact bytes, in ``<bundle>.sig`` beside it) lets a team
  ship new bundles without touching the page: the runtime holds only the public key, and a bundle
  someone edited (and re-digested) no longer verifies.

Keys come from ``studio keygen`` (the ``cryptography`` library; a private key never enters a bundle).
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

SIGNATURE_SUFFIX = ".sig"


class SigningError(Exception):
    """A key or signature cannot be used; the message says why in one line."""


def integrity(data: bytes) -> str:
    """The Subresource Integrity value (sha384) of exact bytes."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def generate_key(path: Path) -> str:
    """Write a new Ed25519 private key (PEM, readable by its owner only) to ``path``; returns the
    public key (base64 of its 32 raw bytes) for the runtime's ``publicKey`` option. Refuses to overwrite."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise SigningError(
            f"{path} already exists; choose another file (a key is never overwritten)"
        ) from None
    except OSError as exc:
        raise SigningError(f"cannot write {path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
    return _public_text(key.public_key())


def _public_text(public_key) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def _private_key(path: Path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(f"cannot read the key {path}: {exc.strerror or exc}") from None
    try:
        key = load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise SigningError(
            f"{path} is not an unencrypted PEM private key (make one with `studio keygen`)"
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"{path} is not an Ed25519 key (make one with `studio keygen`)")
    return key


def public_key(path: Path) -> str:
    """The public key (base64, 32 raw bytes) of the private key at ``path``."""
    return _public_text(_private_key(path).public_key())


def sign_file(bundle: Path, key: Path) -> Path:
    """Sign the bundle file's exact bytes; writes ``<bundle>.sig`` (base64) and returns its path."""
    signature = _private_key(key).sign(bundle.read_bytes())
    out = bundle.with_name(bundle.name + SIGNATURE_SUFFIX)
    try:
        out.write_text(base64.b64encode(signature).decode("ascii") + "\n", encoding="ascii")
    except OSError as exc:
        raise SigningError(f"cannot write {out}: {exc.strerror or exc}") from None
    return out


def verify(data: bytes, signature: str, public: str) -> bool:
    """Whether ``signature`` (base64) is the Ed25519 signature of ``data`` by ``public`` (base64)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public, validate=True))
        key.verify(base64.b64decode(signature.strip(), validate=True), data)
    except (InvalidSignature, ValueError):
        return False
    return True
