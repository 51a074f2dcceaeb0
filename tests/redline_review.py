#!/usr/bin/env python3
"""Opens a .docx in LibreOffice (headless, through UNO) and reports its tracked changes as
Writer sees them: how many there are, with their authors and dates, and the document's text
after accepting every change and after rejecting every change. Prints one JSON object.

    /usr/bin/python3 tests/redline_review.py FILE.docx

Used by the redline tests (`indstil diff --to docx`): accepting all must give the new
version's text, rejecting all the old one's. Needs LibreOffice and python3-uno.
"""
import json
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


def paragraphs(document):
    """The body's paragraphs (table cells included, row by row), as text."""
    out = []
    enumeration = document.Text.createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            out.append(element.getString())
        elif element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                out.append(element.getCellByName(name).getString())
    return [line for line in out if line.strip()]


def main():
    path = os.path.abspath(sys.argv[1])
    profile = tempfile.mkdtemp(prefix="redline-lo-")
    pipe = "indstil_redline_%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore",
                               "-env:UserInstallation=file://" + profile,
                               "--accept=pipe,name=%s;urp;" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(120):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if context is None:
            raise SystemExit("LibreOffice did not start")
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        result = {}
        for action in ("Accept", "Reject"):
            document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
            redlines = document.Redlines
            listed = []
            enumeration = redlines.createEnumeration()
            while enumeration.hasMoreElements():
                redline = enumeration.nextElement()
                date = redline.RedlineDateTime
                listed.append({"type": redline.RedlineType, "author": redline.RedlineAuthor,
                               "date": "%04d-%02d-%02d" % (date.Year, date.Month, date.Day)})
            result["redlines"] = listed
            frame = document.CurrentController.Frame
            dispatcher.executeDispatch(frame, ".uno:%sAllTrackedChanges" % action, "", 0, ())
            result[action.lower() + "ed"] = paragraphs(document)
            document.close(True)
        print(json.dumps(result, ensure_ascii=False))
    finally:
        try:
            office.terminate()
            office.wait(20)
        except Exception:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
