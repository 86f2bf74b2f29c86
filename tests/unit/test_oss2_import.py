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


# Upload workers load oss2 at the same moment on the first upload (the full suite caught one worker
# getting the half-imported module: "partially initialized module 'oss2' has no attribute 'Session'").
RACE = """
import threading
from vodstudio.transfer.oss2_import import load_oss2
start = threading.Barrier(8)
missing = []
def worker():
    start.wait()
    if not hasattr(load_oss2(), 'Session'):
        missing.append(1)
threads = [threading.Thread(target=worker) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('half-made', len(missing))
"""


def test_threads_loading_oss2_together_all_get_the_finished_module() -> None:
    for _ in range(3):  # a fresh interpreter each time: the race is at the first import only
        out = subprocess.run([sys.executable, "-c", RACE], capture_output=True, text=True, check=True).stdout
        assert out.strip() == "half-made 0"
