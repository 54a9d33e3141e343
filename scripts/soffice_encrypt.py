"""Save a workbook with a password through LibreOffice's UNO API (run with the system python3).

    /usr/bin/python3 scripts/soffice_encrypt.py IN OUT xlsx|xls|ods

Used by scripts/make_golden.py to make the password-protected golden files (password: ``test``).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import NamedValue, PropertyValue  # type: ignore[import-not-found]

FILTERS = {"xlsx": "Calc MS Excel 2007 XML", "xls": "MS Excel 97", "ods": "calc8"}


def prop(name: str, value: object) -> PropertyValue:
    """A UNO PropertyValue."""
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main() -> None:
    """Open IN hidden, store it as OUT with a password, and stop the office process."""
    src, dst, kind = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    pipe = f"dutyaudit{os.getpid()}"
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: soffice forks soffice.bin
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("could not connect to soffice")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
        args = [prop("FilterName", FILTERS[kind])]
        if kind in ("xls", "ods"):
            args.append(prop("Password", "test"))
        else:  # OOXML encryption takes the password as EncryptionData
            secret = NamedValue()
            secret.Name, secret.Value = "OOXPassword", "test"
            args.append(prop("EncryptionData", uno.Any("[]com.sun.star.beans.NamedValue", (secret,))))
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(dst), tuple(args)))
        doc.close(True)
        with contextlib.suppress(Exception):
            desktop.terminate()
    finally:
        with contextlib.suppress(subprocess.TimeoutExpired):
            office.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(office.pid, 15)


if __name__ == "__main__":
    main()
