"""Frozen-bundle entry point: the same ``main`` as ``vodstudio`` and ``python -m vodstudio``."""

import multiprocessing
import sys

from vodstudio.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
