"""oss2 loads without its client-side encryption: no aliyunsdkcore, kms or cryptography behind it."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from vodstudio.transfer.oss2_import import load_oss2
oss2 = load_oss2()
assert load_oss2() is oss2
heavy = sorted({m.split('.')[0] for m in sys.modules} & {'aliyunsdkcore', 'aliyunsdkkms', 'cryptography'})
print('heavy', heavy)
print('bucket', hasattr(oss2, 'Bucket') and hasattr(oss2, 'resumable_upload') and hasattr(oss2, 'AuthV4'))
try:
    oss2.CryptoBucket(None, None, None)
except NotImplementedError as exc:
    print('crypto refused', 'client-side encryption' in str(exc))
"""


def test_oss2_loads_without_crypto_libraries_and_refuses_crypto_buckets() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    assert "heavy []" in out
    assert "bucket True" in out
    assert "crypto refused True" in out


def test_an_oss2_imported_whole_first_is_used_unchanged() -> None:
    probe = "import oss2, sys\nfrom vodstudio.transfer.oss2_import import load_oss2\n"
    probe += "print(load_oss2() is oss2, 'aliyunsdkcore' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True True"


def test_two_threads_loading_at_once_both_get_the_whole_module() -> None:
    probe = "import threading\nfrom vodstudio.transfer.oss2_import import load_oss2\n"
    probe += "got = []\nstart = threading.Barrier(4)\n"
    probe += "def load():\n    start.wait()\n    got.append(hasattr(load_oss2(), 'Session'))\n"
    probe += "threads = [threading.Thread(target=load) for _ in range(4)]\n"
    probe += "[t.start() for t in threads]\n[t.join() for t in threads]\nprint(got)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[True, True, True, True]"
