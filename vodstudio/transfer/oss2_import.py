"""``import oss2`` without its client-side encryption, which pulls two crypto libraries VOD Studio never uses.

oss2's package ``__init__`` imports ``oss2.crypto`` and ``oss2.crypto_bucket`` (CryptoBucket, KMS and RSA
providers). Those import pycryptodome, aliyunsdkcore (with its vendored requests) and aliyunsdkkms, and
aliyunsdkcore imports ``cryptography``: about 16 MB in a frozen bundle and ~0.1 s at the first upload, for
a feature (client-side encrypted objects) that VOD uploads cannot use. ``load_oss2`` puts small stand-ins
for those two modules in ``sys.modules`` before oss2 is imported, so its ``from .crypto import ...`` lines
bind to classes that refuse to be used. When oss2 was already imported whole (a test's oracle imports it
first), that copy is used unchanged. The bundle excludes the crypto modules (packaging/vodstudio.spec).
"""

from __future__ import annotations

import importlib
import sys
import threading
import types
from typing import Any

_CRYPTO_NAMES = (
    "LocalRsaProvider",
    "AliKMSProvider",
    "RsaProvider",
    "EncryptionMaterials",
    "BaseCryptoProvider",
)


class _Unavailable:
    """Any of oss2's client-side encryption classes: VOD Studio never encrypts on the client."""

    def __init__(self, *_args: Any, **_kwargs: Any) -> None:
        raise NotImplementedError("oss2 client-side encryption is not part of VOD Studio")


def _stand_in(name: str, classes: tuple[str, ...]) -> types.ModuleType:
    module = types.ModuleType(name, "stand-in: see vodstudio/transfer/oss2_import.py")
    for cls in classes:
        setattr(module, cls, type(cls, (_Unavailable,), {"__module__": name}))
    return module


_lock = threading.Lock()


def load_oss2() -> Any:
    """The ``oss2`` package (imported once; later calls return the same module).

    Thread-safe: the first two uploads of a run start on two threads at once, and a bare
    ``sys.modules.get("oss2")`` would hand the second one oss2 half-imported by the first
    (``AttributeError: partially initialized module 'oss2'``). ``import_module`` waits for it.
    """
    with _lock:
        if "oss2" not in sys.modules:
            for name, classes in (("oss2.crypto", _CRYPTO_NAMES), ("oss2.crypto_bucket", ("CryptoBucket",))):
                sys.modules.setdefault(name, _stand_in(name, classes))
        return importlib.import_module("oss2")
