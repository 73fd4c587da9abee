# check-flatpak-manifest.py: checks offline that the Flatpak manifest is one Flathub would accept
# SPDX-License-Identifier: GPL-3.0-or-later
"""Usage: check-flatpak-manifest.py MANIFEST MESON_BUILD [FLATPAK_BUILDER]

The GNOME runtime cannot be downloaded here, so this checks what can be
checked without it: flatpak-builder reads the manifest without a warning,
the runtime is a current GNOME one, every remote source is pinned, cmark-gfm is
built as a shared library new enough for meson.build, the app is built with
meson from this checkout, and the sandbox holds only the permissions listed
below. The checks read flatpak-builder's own view of the manifest, so a
misspelt key it ignores cannot pass as a setting.
"""

import json
import os
import re
import subprocess
import tempfile
import sys

from report import Report, skip

# What Backprop needs and nothing more: a display, GPU rendering for WebKit,
# and shared memory for X11. Files come and go through the portals.
ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}
MIN_GNOME_RUNTIME = 49
LOCAL_SOURCE_TYPES = {"dir", "script", "shell", "inline"}
SHA256 = re.compile(r"^[0-9a-f]{64}$")
GIT_COMMIT = re.compile(r"^[0-9a-f]{40}$")


def show_manifest(report, flatpak_builder, manifest_path):
    """Returns the manifest as flatpak-builder understood it, or None."""
    # Run from a temporary directory: flatpak-builder leaves its state directory there.
    with tempfile.TemporaryDirectory() as state_dir:
        result = subprocess.run(
            [flatpak_builder, "--show-manifest", os.path.abspath(manifest_path)],
            capture_output=True, text=True, check=False, cwd=state_dir,
        )
    report.check(result.returncode == 0, "flatpak-builder --show-manifest reads the manifest",
                 result.stderr)
    report.check("WARNING" not in result.stderr and "Unknown property" not in result.stderr,
                 "flatpak-builder knows every key of the manifest", result.stderr)
    if result.returncode != 0:
        return None
    return json.loads(result.stdout)


def all_modules(modules):
    for module in modules:
        if isinstance(module, str):  # an included file --show-manifest did not expand
            yield {"name": module, "sources": [{"type": "unexpanded-include"}]}
            continue
        yield module
        yield from all_modules(module.get("modules", []))


def source_pin_problem(source):
    """None if the source is local or pinned to exact content, else why not."""
    kind = source.get("type", "")
    if kind in LOCAL_SOURCE_TYPES:
        return None
    if kind in {"file", "patch"} and "path" in source and "url" not in source:
        return None
    if kind == "git":
        if "url" not in source:
            return "a git source without a url"
        if not GIT_COMMIT.match(source.get("commit", "")):
            return "a git source without a full commit id"
        return None
    if kind in {"archive", "file", "extra-data"}:
        if not SHA256.match(source.get("sha256", "")):
            return f"a remote {kind} source without a sha256"
        return None
    return f"a source of type {kind!r}, which cannot be checked here"


def version_tuple(text):
    return tuple(int(part) for part in re.findall(r"\d+", text))


def check_runtime(report, manifest):
    report.equal("runtime is org.gnome.Platform", manifest.get("runtime"), "org.gnome.Platform")
    report.equal("sdk is org.gnome.Sdk", manifest.get("sdk"), "org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    report.check(version.isdigit() and int(version) >= MIN_GNOME_RUNTIME,
                 f"runtime-version is a GNOME release, {MIN_GNOME_RUNTIME} or newer",
                 f"got {version!r}")


def check_permissions(report, manifest, modules):
    finish_args = manifest.get("finish-args", [])
    report.check(len(finish_args) == len(set(finish_args)), "finish-args has no duplicates",
                 finish_args)
    report.check(set(finish_args) <= ALLOWED_FINISH_ARGS,
                 "finish-args hold nothing beyond ipc, wayland, fallback-x11 and dri",
                 f"not allowed: {sorted(set(finish_args) - ALLOWED_FINISH_ARGS)}")
    report.check(ALLOWED_FINISH_ARGS <= set(finish_args),
                 "finish-args give the app a display and the GPU",
                 f"missing: {sorted(ALLOWED_FINISH_ARGS - set(finish_args))}")
    build_args = [arg for holder in [manifest, *modules]
                  for arg in holder.get("build-options", {}).get("build-args", [])]
    report.check(not build_args, "no module is given extra permissions at build time", build_args)


def check_sources(report, modules):
    problems = [f"{module.get('name')}: {problem}"
                for module in modules
                for source in module.get("sources", [])
                if (problem := source_pin_problem(source))]
    report.check(not problems, "every remote source is pinned (git commit or sha256)",
                 "\n".join(problems))


def check_cmark(report, modules, meson_build):
    cmark = next((m for m in modules if m.get("name") == "cmark-gfm"), None)
    if not report.check(cmark is not None, "cmark-gfm is built as a module"):
        return
    report.equal("cmark-gfm builds with cmake-ninja", cmark.get("buildsystem"), "cmake-ninja")
    # cmark-gfm's CMakeLists.txt stops with "Do not build in-source", which flatpak-builder
    # does for cmake modules unless told otherwise.
    report.equal("cmark-gfm is built out of its source tree", cmark.get("builddir"), True)
    opts = cmark.get("config-opts", [])
    report.check("-DCMARK_TESTS=OFF" in opts, "cmark-gfm's tests are not built", opts)
    report.check("-DCMARK_STATIC=OFF" in opts and "-DCMARK_SHARED=OFF" not in opts,
                 "cmark-gfm is built as a shared library, not a static one", opts)
    report.check("*.a" in cmark.get("cleanup", []), "static libraries are cleaned up",
                 cmark.get("cleanup"))
    gits = [s for s in cmark.get("sources", []) if s.get("type") == "git"]
    if not report.check(len(gits) == 1, "cmark-gfm comes from one git source", cmark.get("sources")):
        return
    source = gits[0]
    report.check(re.match(r"^https://github\.com/github/cmark-gfm(\.git)?$", source.get("url", "")),
                 "cmark-gfm comes from the github/cmark-gfm repository", source.get("url"))
    wanted = re.search(r"dependency\('libcmark-gfm',\s*version:\s*'>=\s*([\d.]+)'", meson_build)
    # Tags read "0.29.0.gfm.6": the CommonMark version, then GitHub's revision.
    tag = source.get("tag", "").replace(".gfm.", ".")
    report.check(wanted and tag and version_tuple(tag) >= version_tuple(wanted.group(1)),
                 "cmark-gfm's tag is at least the version meson.build asks for",
                 f"tag {tag!r}, meson.build wants {wanted.group(1) if wanted else '?'}")


def check_katex(report, modules):
    """TeX math in opened decks needs KaTeX, compiled into the app: without it the build
    only warns, and the published app would show math as written."""
    katex = next((m for m in modules if m.get("name") == "katex"), None)
    if not report.check(katex is not None, "KaTeX is a module of its own"):
        return
    archives = [s for s in katex.get("sources", []) if s.get("type") == "archive"]
    report.check(len(archives) == 1 and re.match(r"^https://registry\.npmjs\.org/katex/-/katex-"
                                                 r"0\.(1[6-9]|[2-9]\d)\.\d+\.tgz$",
                                                 archives[0].get("url", "")),
                 "KaTeX 0.16 or later comes from its npm release (which holds dist/katex.min.js)",
                 katex.get("sources"))
    installed = re.findall(r"(/app/\S+/katex\.min\.js)", " ".join(katex.get("build-commands", [])))
    app = modules[-1]
    wanted = [opt.partition("=")[2] for opt in app.get("config-opts", []) if opt.startswith("-Dkatex=")]
    report.check(installed and wanted == installed[:1],
                 "the app is built with -Dkatex= the file the KaTeX module installs",
                 f"installed {installed}, -Dkatex {wanted}")
    cleanup = katex.get("cleanup", [])
    report.check(installed and any(installed[0].startswith("/app" + path) for path in cleanup),
                 "the KaTeX module's file is cleaned up: the app holds its own copy", cleanup)


def check_app_module(report, manifest, manifest_dir, source_root):
    app = manifest.get("modules", [{}])[-1]
    report.equal("the app is the last module, built with meson", app.get("buildsystem"), "meson")
    sources = app.get("sources", [])
    dirs = [s for s in sources if s.get("type") == "dir"]
    report.check(len(sources) == 1 and len(dirs) == 1, "the app is built from one local directory",
                 sources)
    if dirs:
        path = os.path.realpath(os.path.join(manifest_dir, dirs[0].get("path", "")))
        report.equal("the app's directory is this checkout", path, source_root)
    report.equal("command is the binary meson installs", manifest.get("command"), "backprop")


def main(manifest_path, meson_build_path, flatpak_builder=None):
    if not flatpak_builder:
        skip("flatpak-builder is not installed (build-aux/install-deps.sh --test installs it)")
    manifest_path = os.path.realpath(manifest_path)
    manifest_dir = os.path.dirname(manifest_path)
    source_root = os.path.dirname(os.path.realpath(meson_build_path))
    with open(meson_build_path, encoding="utf-8") as f:
        meson_build = f.read()

    report = Report()
    manifest = show_manifest(report, flatpak_builder, manifest_path)
    if manifest is not None:
        modules = list(all_modules(manifest.get("modules", [])))
        report.equal("the manifest is named after the app id",
                     os.path.basename(manifest_path), f"{manifest.get('id')}.json")
        check_runtime(report, manifest)
        check_permissions(report, manifest, modules)
        check_sources(report, modules)
        check_cmark(report, modules, meson_build)
        check_katex(report, modules)
        check_app_module(report, manifest, manifest_dir, source_root)
    return report.finish()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
