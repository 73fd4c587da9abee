# check-app-id.py: checks that every copy of the application id is the same one
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-app-id.py SOURCE_ROOT BUILD_ROOT DESKTOP METAINFO [RUN_UI_TEST BINARY]

Reads the id from each place that states it — meson.build, the Flatpak
manifest, the built desktop file and metainfo, the GSettings schema, the
config.h the binary is compiled with — and checks they agree and that the id
is a valid D-Bus name. Given a runner and the binary, it also starts the app
in a private session bus and waits for it to own that name, which is what
GApplication, the Flatpak sandbox and the desktop all rely on.
"""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

from report import Report

MANIFEST_DIR = os.path.join("build-aux", "flatpak")
# D-Bus well-known names (and so GApplication and Flatpak ids): dot-separated
# elements of [A-Za-z0-9_-], none starting with a digit; Flathub wants three or more.
DBUS_ELEMENT = re.compile(r"^[A-Za-z_-][A-Za-z0-9_-]*$")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def meson_app_id(source_root):
    found = re.search(r"^app_id\s*=\s*'([^']+)'", read(os.path.join(source_root, "meson.build")),
                      re.MULTILINE)
    return found.group(1) if found else None


def manifest_ids(source_root):
    """The id inside each manifest, keyed by the manifest's file name."""
    directory = os.path.join(source_root, MANIFEST_DIR)
    return {name: json.loads(read(os.path.join(directory, name))).get("id")
            for name in sorted(os.listdir(directory)) if name.endswith(".json")}


def desktop_key(path, key):
    found = re.search(rf"^{key}=(.*)$", read(path), re.MULTILINE)
    return found.group(1).strip() if found else None


def config_h_app_id(build_root):
    found = re.search(r'^#define APP_ID "([^"]+)"', read(os.path.join(build_root, "config.h")),
                      re.MULTILINE)
    return found.group(1) if found else None


def schemas(source_root):
    """(file name, id, path) of each schema in data/."""
    data = os.path.join(source_root, "data")
    for name in sorted(os.listdir(data)):
        if name.endswith(".gschema.xml"):
            for schema in ET.parse(os.path.join(data, name)).getroot().iter("schema"):
                yield name, schema.get("id"), schema.get("path")


def is_dbus_name(name):
    elements = name.split(".")
    return len(name) <= 255 and len(elements) >= 3 and all(map(DBUS_ELEMENT.match, elements))


def owns_bus_name(report, app_id, runner, binary):
    """Starts the app on a private bus and waits until it owns app_id."""
    script = """
"$1" & app=$!
status=0
gdbus wait --session --timeout 30 "$2" || status=$?
kill "$app" 2>/dev/null
wait "$app" 2>/dev/null
exit "$status"
"""
    result = subprocess.run([runner, "sh", "-c", script, "probe", binary, app_id],
                            capture_output=True, text=True, timeout=90, check=False)
    report.check(result.returncode == 0, f"the running app owns the D-Bus name {app_id}",
                 result.stderr[-2000:])


def main(source_root, build_root, desktop, metainfo, runner=None, binary=None):
    report = Report()
    app_id = meson_app_id(source_root)
    if not report.check(app_id, "meson.build sets app_id"):
        return report.finish()
    report.check(is_dbus_name(app_id), f"{app_id} is a valid D-Bus name with three or more parts")

    manifests = manifest_ids(source_root)
    report.check(manifests, f"{MANIFEST_DIR} holds a manifest")
    for name, manifest_id in manifests.items():
        report.equal(f"manifest {name}: id", manifest_id, app_id)

    report.equal("config.h APP_ID (the binary's GApplication id)", config_h_app_id(build_root),
                 app_id)

    report.equal("desktop file name", os.path.basename(desktop), f"{app_id}.desktop")
    report.equal("desktop file Icon", desktop_key(desktop, "Icon"), app_id)

    root = ET.parse(metainfo).getroot()
    report.equal("metainfo file name", os.path.basename(metainfo), f"{app_id}.metainfo.xml")
    report.equal("metainfo <id>", root.findtext("id"), app_id)
    launchables = [l.text for l in root.findall("launchable") if l.get("type") == "desktop-id"]
    report.equal("metainfo <launchable type=desktop-id>", launchables, [f"{app_id}.desktop"])

    found = list(schemas(source_root))
    report.check(any(schema_id == app_id for _, schema_id, _ in found),
                 "data/ holds a GSettings schema whose id is the app id",
                 [schema_id for _, schema_id, _ in found])
    for name, schema_id, path in found:
        report.equal(f"schema file name {name}", name, f"{app_id}.gschema.xml")
        report.check(schema_id == app_id or schema_id.startswith(app_id + "."),
                     f"schema id {schema_id} is the app id or below it")
        report.equal(f"schema {schema_id}: path", path, "/" + schema_id.replace(".", "/") + "/")

    if runner and binary:
        owns_bus_name(report, app_id, runner, binary)
    return report.finish()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
