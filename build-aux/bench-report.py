#!/usr/bin/env python3
# bench-report.py: gathers the FIGURE lines of a meson benchmark log into one table, with the machine
# usage: bench-report.py [--markdown] _build/meson-logs/testlog.json
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints every figure the benchmarks reported, its target and whether it was met."""

import json
import operator
import os
import platform
import subprocess
import sys

COMPARISONS = {"<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt}


def read_figures(log_path):
    """Yields (benchmark, name, value, unit, target) from each FIGURE line, in log order."""
    with open(log_path, encoding="utf-8") as log:
        for line in log:
            entry = json.loads(line)
            for output in (entry.get("stdout") or "").splitlines():
                words = output.split()
                if len(words) >= 4 and words[0] == "FIGURE":
                    target = " ".join(words[4:6]) if len(words) >= 6 else ""
                    # "backprop:core / core": the benchmark's own name is the last part.
                    yield entry["name"].split(" / ")[-1], words[1], float(words[2]), words[3], target


def verdict(value, target):
    if not target:
        return ""
    op, goal = target.split()
    return "met" if COMPARISONS[op](value, float(goal)) else "MISSED"


def first_line_with(path, prefix):
    try:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1].strip()
    except OSError:
        pass
    return "?"


def package_version(name):
    try:
        return subprocess.run(["pkg-config", "--modversion", name], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def machine():
    memory_kib = int(first_line_with("/proc/meminfo", "MemTotal").split()[0] or 0)
    os_name = first_line_with("/etc/os-release", "PRETTY_NAME=").strip('"')
    return (f"{first_line_with('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores, "
            f"{memory_kib / 1024 / 1024:.0f} GiB; {os_name}, Linux {platform.release()}; "
            f"GTK {package_version('gtk4')}, libadwaita {package_version('libadwaita-1')}, "
            f"WebKitGTK {package_version('webkitgtk-6.0')}, cmark-gfm {package_version('libcmark-gfm')}; "
            f"Xvfb, software rendering (Mesa llvmpipe)")


def format_value(value):
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"


def main(argv):
    markdown = "--markdown" in argv
    paths = [arg for arg in argv[1:] if arg != "--markdown"]
    if len(paths) != 1:
        print(__doc__, file=sys.stderr)
        return 2

    rows = [(bench, name, format_value(value), unit, target, verdict(value, target))
            for bench, name, value, unit, target in read_figures(paths[0])]
    if not rows:
        print(f"No figures in {paths[0]}: did the benchmarks run?", file=sys.stderr)
        return 1

    with open("/proc/loadavg", encoding="utf-8") as loadavg:
        load = " ".join(loadavg.read().split()[:3])

    print()
    print(f"Machine: {machine()}")
    print(f"Load average at the end (1, 5, 15 minutes): {load}")
    print()
    if markdown:
        print("| benchmark | figure | value | target | |")
        print("| --- | --- | ---: | --- | --- |")
        for bench, name, value, unit, target, result in rows:
            print(f"| {bench} | `{name}` | {value} {unit} | {target} {unit if target else ''} | {result} |")
    else:
        for bench, name, value, unit, target, result in rows:
            goal = f"{target} {unit}" if target else ""
            print(f"{bench:16} {name:32} {value:>10} {unit:4} {goal:12} {result}")

    missed = sum(1 for row in rows if row[5] == "MISSED")
    met = sum(1 for row in rows if row[5] == "met")
    print()
    print(f"{met} targets met, {missed} missed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
