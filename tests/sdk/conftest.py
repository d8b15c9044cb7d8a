"""The generated SDK, importable without installing it: ``clients/python`` goes first on the path.

What it imports (httpx, attrs) comes with the generator pinned in the ``test`` extra, so a fresh
clone's ``pip install -e '.[test]'`` is enough; the SDK itself is read from the committed folder,
the copy the drift test keeps equal to the document.
"""

from __future__ import annotations

import sys
from pathlib import Path

SDK = Path(__file__).resolve().parents[2] / "clients" / "python"
if str(SDK) not in sys.path:
    sys.path.insert(0, str(SDK))
