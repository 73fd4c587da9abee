# derive-manifest.py: the Flatpak manifest made to build against the local Debian runtime
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a variant of the published manifest that differs only in its runtime, its SDK
and where the C libraries' sources come from.

usage: derive-manifest.py MANIFEST OUT SOURCE_DIR RUNTIME SDK BRANCH SOURCES_DIR MIRROR

Upstream git repositories cannot be reached where this runs, Debian's archive can: each
module's git source is replaced by the original tarball of the Debian source package of
the same library (DEBIAN_SOURCES maps one to the other), fetched by apt's own download
of source packages through a private apt configuration with deb-src lines, so the
machine's apt setup is not touched. Debian's own patches are not applied: the tarball is
upstream's release. A built JavaScript release (KaTeX's npm tarball) has no such tarball:
Debian's build of the same file, installed on this machine, stands in for it. The
checkout's own module ("dir" source) is pointed at SOURCE_DIR."""

import hashlib
import json
import os
import re
import subprocess
import sys

# Upstream repository -> Debian source package of the same library. A module whose git
# source is not here cannot be built offline: the script says so rather than guess.
DEBIAN_SOURCES = {
    "github.com/commonmark/cmark": "cmark",
    "github.com/github/cmark-gfm": "cmark-gfm",
}


# An npm release's URL prefix -> (the file of it a module uses, where Debian installs the
# same file, from build-aux/install-deps.sh's packages).
DEBIAN_FILES = {
    "https://registry.npmjs.org/katex/-/": ("dist/katex.min.js",
                                            "/usr/share/javascript/katex/katex.min.js"),
}


def debian_file(module, source):
    """The local stand-in for the archive @source, as a file source."""
    for prefix, (member, path) in DEBIAN_FILES.items():
        if source.get("url", "").startswith(prefix):
            if not os.path.isfile(path):
                sys.exit(f"derive-manifest: module {module['name']} needs {path}: "
                         "run build-aux/install-deps.sh --test")
            return {"type": "file", "path": path, "dest": os.path.dirname(member)}
    sys.exit(f"derive-manifest: module {module['name']} takes an archive from "
             f"{source.get('url')}, which has no stand-in in DEBIAN_FILES")


def repository_of(url):
    """github.com/owner/name of a git URL, without scheme or .git."""
    url = re.sub(r"^[a-z+]+://", "", url)
    url = re.sub(r"^git@([^:]+):", r"\1/", url)
    return re.sub(r"(\.git)?/?$", "", url)


class DebianSources:
    """Downloads Debian source packages into @directory with a private apt setup."""

    def __init__(self, directory, mirror):
        self.directory = directory
        self.mirror = mirror
        self.updated = False

    def apt(self, *arguments, cwd=None):
        lists = os.path.join(self.directory, "apt", "lists")
        os.makedirs(os.path.join(lists, "partial"), exist_ok=True)
        os.makedirs(os.path.join(self.directory, "apt", "cache", "archives", "partial"),
                    exist_ok=True)
        sources_list = os.path.join(self.directory, "apt", "sources.list")
        with open(sources_list, "w", encoding="utf-8") as sources:
            security = self.mirror.rstrip("/") + "-security"
            sources.write(f"deb-src {self.mirror} bookworm main\n"
                          f"deb-src {self.mirror} bookworm-updates main\n"
                          f"deb-src {security} bookworm-security main\n")
        command = [
            "apt-get", "-q",
            "-o", f"Dir::Etc::SourceList={sources_list}",
            "-o", "Dir::Etc::SourceParts=/nonexistent",
            "-o", f"Dir::State::Lists={lists}",
            "-o", f"Dir::Cache={os.path.join(self.directory, 'apt', 'cache')}",
            "-o", "APT::Sandbox::User=root",
            *arguments,
        ]
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"derive-manifest: {' '.join(arguments)} failed:\n{result.stderr}")

    def original_tarball(self, package):
        """(path, sha256) of @package's upstream tarball, downloaded once."""
        package_dir = os.path.join(self.directory, package)
        os.makedirs(package_dir, exist_ok=True)
        if not any(name.endswith(".dsc") for name in os.listdir(package_dir)):
            if not self.updated:
                self.apt("update")
                self.updated = True
            self.apt("source", "--download-only", package, cwd=package_dir)
        for name in sorted(os.listdir(package_dir)):
            if re.search(r"\.orig\.tar\.[a-z0-9]+$", name):
                path = os.path.join(package_dir, name)
                with open(path, "rb") as tarball:
                    return path, hashlib.sha256(tarball.read()).hexdigest()
        sys.exit(f"derive-manifest: the Debian source package {package} has no .orig tarball")


def derive_sources(module, debian, source_dir):
    sources = []
    for source in module.get("sources", []):
        if source.get("type") == "git":
            repository = repository_of(source["url"])
            package = DEBIAN_SOURCES.get(repository)
            if package is None:
                sys.exit(f"derive-manifest: module {module['name']} takes its source from "
                         f"{repository}, which has no Debian source package in DEBIAN_SOURCES")
            path, sha256 = debian.original_tarball(package)
            source = {"type": "archive", "path": path, "sha256": sha256}
        elif source.get("type") == "archive" and "url" in source:
            source = debian_file(module, source)
        elif source.get("type") == "dir":
            source = dict(source, path=source_dir)
        sources.append(source)
    return sources


def derive_modules(modules, debian, source_dir):
    derived = []
    for module in modules:
        if isinstance(module, str):
            sys.exit(f"derive-manifest: module file {module} is not supported; inline it")
        module = dict(module)
        module["sources"] = derive_sources(module, debian, source_dir)
        if "modules" in module:
            module["modules"] = derive_modules(module["modules"], debian, source_dir)
        derived.append(module)
    return derived


def derive(manifest, debian, source_dir, runtime, sdk, branch):
    """The variant of @manifest: its runtime, SDK and sources replaced, all else kept."""
    derived = dict(manifest, runtime=runtime, sdk=sdk)
    derived["runtime-version"] = branch
    derived["modules"] = derive_modules(manifest["modules"], debian, source_dir)
    return derived


def main(manifest_path, out_path, source_dir, runtime, sdk, branch, sources_dir, mirror):
    with open(manifest_path, encoding="utf-8") as manifest_file:
        manifest = json.load(manifest_file)
    derived = derive(manifest, DebianSources(sources_dir, mirror), source_dir, runtime, sdk,
                     branch)
    with open(out_path + ".tmp", "w", encoding="utf-8") as out:
        json.dump(derived, out, indent=2)
        out.write("\n")
    os.replace(out_path + ".tmp", out_path)


if __name__ == "__main__":
    if len(sys.argv) != 9:
        sys.exit("usage: derive-manifest.py MANIFEST OUT SOURCE_DIR RUNTIME SDK BRANCH "
                 "SOURCES_DIR MIRROR")
    main(*sys.argv[1:])
