# check-derive-manifest.py: the local Flatpak build's manifest differs from the published one only where it must
# SPDX-License-Identifier: GPL-3.0-or-later
"""usage: check-derive-manifest.py DERIVE_MANIFEST_PY MANIFEST

Offline: Debian's archive is not asked; a stand-in for apt's download hands back a
tarball made here. Checks the published manifest as it is, and with its markdown library
switched to the other one (cmark and cmark-gfm), as either may be published."""

import copy
import hashlib
import importlib.util
import json
import os
import sys
import tempfile

from report import Report


def load(path):
    spec = importlib.util.spec_from_file_location("derive_manifest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class FakeDebianSources:
    """Answers as DebianSources does, from tarballs written into @directory."""

    def __init__(self, directory):
        self.directory = directory
        self.asked = []

    def original_tarball(self, package):
        self.asked.append(package)
        path = os.path.join(self.directory, f"{package}_1.0.orig.tar.gz")
        with open(path, "wb") as tarball:
            tarball.write(package.encode())
        return path, hashlib.sha256(package.encode()).hexdigest()


def derive(derive_manifest, manifest, directory):
    debian = FakeDebianSources(directory)
    derived = derive_manifest.derive(manifest, debian, "/checkout", "org.example.Platform",
                                     "org.example.Sdk", "12")
    return derived, debian.asked


def without(dictionary, *keys):
    return {key: value for key, value in dictionary.items() if key not in keys}


def main(derive_path, manifest_path):
    report = Report()
    derive_manifest = load(derive_path)
    with open(manifest_path, encoding="utf-8") as manifest_file:
        manifest = json.load(manifest_file)
    original = copy.deepcopy(manifest)

    with tempfile.TemporaryDirectory() as directory:
        derived, asked = derive(derive_manifest, manifest, directory)
        library = manifest["modules"][0]["name"]
        report.check(asked == [library], f"{library}'s git source maps to Debian's {library}",
                     asked)
        markdown = derived["modules"][0]
        source = markdown["sources"][0]
        report.check(source["type"] == "archive" and os.path.exists(source["path"])
                     and len(source["sha256"]) == 64,
                     f"{library} is built from a local tarball pinned by sha256", source)
        report.equal(f"{library}'s build options are the published ones",
                     without(markdown, "sources"), without(manifest["modules"][0], "sources"))
        app = derived["modules"][-1]
        report.check(app["sources"][0]["path"] == "/checkout"
                     and app["sources"][0]["skip"] == manifest["modules"][-1]["sources"][0]["skip"],
                     "the app is built from the checkout, skipping its build folders")
        report.equal("the runtime and SDK are the local ones",
                     (derived["runtime"], derived["sdk"], derived["runtime-version"]),
                     ("org.example.Platform", "org.example.Sdk", "12"))
        report.equal("nothing else in the manifest changes",
                     without(derived, "modules", "runtime", "sdk", "runtime-version"),
                     without(manifest, "modules", "runtime", "sdk", "runtime-version"))
        report.equal("the published manifest is left as it was", manifest, original)

        other = "cmark" if library == "cmark-gfm" else "cmark-gfm"
        owner = "commonmark" if other == "cmark" else "github"
        switched = copy.deepcopy(manifest)
        switched["modules"][0]["name"] = other
        switched["modules"][0]["sources"][0]["url"] = f"https://github.com/{owner}/{other}.git"
        _, asked = derive(derive_manifest, switched, directory)
        report.check(asked == [other], f"{other}'s git source maps to Debian's {other}", asked)

        unknown = copy.deepcopy(manifest)
        unknown["modules"][0]["sources"][0]["url"] = "https://example.org/nobody/libfoo.git"
        try:
            derive(derive_manifest, unknown, directory)
            refused = False
        except SystemExit as error:
            refused = "example.org/nobody/libfoo" in str(error)
        report.check(refused, "a library with no Debian source package is refused by name")

    report.check(derive_manifest.repository_of("git@github.com:github/cmark-gfm.git")
                 == "github.com/github/cmark-gfm",
                 "ssh and https git URLs name the same repository")
    return report.finish()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
