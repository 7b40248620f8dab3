"""Accept all tracked changes of a DOCX with LibreOffice itself (UNO), for the review tests:

    /usr/bin/python3 tests/lo_accept_all.py IN.docx OUT.docx

Runs a private headless soffice on a local pipe, loads IN hidden, dispatches .uno:AcceptAllTrackedChanges
and stores OUT as Word 2007-365. Needs python3-uno (Debian), which the project's Makefile installs.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def accept(pipe, source, target):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(120):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.5)
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0,
                                       (prop("Hidden", True), prop("FilterName", "MS Word 2007 XML")))
    if doc is None:
        raise RuntimeError(f"LibreOffice could not open {source}")
    dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, ())
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "MS Word 2007 XML"),))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
    return 0


def main(source, target):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    pipe = f"legaldraft_accept_{os.getpid()}"
    with tempfile.TemporaryDirectory() as profile:
        # a fresh profile makes soffice restart once on its first start: let that happen before connecting
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--terminate_after_init"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        proc = subprocess.Popen([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
                                 "--norestore", f"--accept=pipe,name={pipe};urp;"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            last = None
            for _ in range(4):      # soffice may restart itself once on a fresh profile: connect again
                try:
                    return accept(pipe, source, target)
                except Exception as exc:  # DisposedException, NoConnectException
                    last = exc
                    time.sleep(2)
            raise SystemExit(f"LibreOffice failed: {last}")
        finally:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
