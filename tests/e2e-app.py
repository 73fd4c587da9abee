# e2e-app.py: drives the real backprop binary as a user does, through the accessibility tree
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of Backprop through AT-SPI.

Run by run-ui-test.sh (its own Xvfb and D-Bus session) with Debian's /usr/bin/python3,
which has pyatspi. Settings use the keyfile backend so they outlive each process, as a
user's do: the test quits the app and starts it again.
"""

import os
import subprocess
import sys
import time

import pyatspi

TIMEOUT = 60
QUESTION_5 = "Q5: How can you tell whether your model suffers from exploding gradients?"
QUESTION_6 = "Q6: Can you name and explain some hyperparameters used to train a neural network?"
QUESTION_3 = ("Q3: Your deep network overfits the training set and does poorly on the test set. "
              "How do you reduce overfitting?")

failures = []


def check(condition, message):
    print(("ok: " if condition else "FAILED: ") + message, flush=True)
    if not condition:
        failures.append(message)


def wait_for(what, probe, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = probe()
        except Exception:  # the tree changes under us while the app starts
            value = None
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def find_apps():
    """Every accessible application named backprop: one that just quit may linger a moment."""
    desktop = pyatspi.Registry.getDesktop(0)
    return [app for app in desktop if app is not None and app.name == "backprop"]


def find_app():
    apps = find_apps()
    return apps[-1] if apps else None


def frame_names():
    names = []
    for app in find_apps():
        try:
            names += [child.name for child in app
                      if child is not None and child.getRole() == pyatspi.ROLE_FRAME]
        except Exception:  # a departed application's proxy
            pass
    return names


def wait_for_frame(name, app=None):
    try:
        return wait_for(f"a window titled {name!r}", lambda: name in frame_names())
    except AssertionError:
        print(f"windows now: {frame_names()}", flush=True)
        if app is not None and app.poll() is not None:
            print(f"the app exited with {app.returncode}: {app.stderr.read()}", flush=True)
        raise


def find_all(node, predicate, found=None, depth=0):
    found = [] if found is None else found
    if node is None or depth > 40:
        return found
    if predicate(node):
        found.append(node)
    for child in node:
        find_all(child, predicate, found, depth + 1)
    return found


def press(title, keys, closes=False):
    """Types @keys (xdotool names, e.g. ctrl+Next) into the window titled @title, through
    the X server as a keyboard would. Without a window manager, xdotool gives it the focus.

    The keys go to whatever has the focus, not to a window id: when they close the window,
    xdotool must not stop half-way with the keys still held down, or the X server's key
    repeat would type them into the next window."""
    pattern = "^" + "".join("." if c in "?()[]*+.^$\\" else c for c in title) + "$"
    subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", pattern,
                    "windowfocus", "--sync"], check=True, timeout=TIMEOUT)
    subprocess.run(["xdotool", "key", "--delay", "50", *keys.split()],
                   check=not closes, timeout=TIMEOUT)


def name_is_free():
    """Whether no process owns the app's D-Bus name. A process that has just exited can
    still own it for a moment; a new one started then would hand over to it and leave."""
    result = subprocess.run(
        ["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
         "--object-path", "/org/freedesktop/DBus", "--method",
         "org.freedesktop.DBus.NameHasOwner", "io.github.backprop.Backprop"],
        capture_output=True, text=True, timeout=TIMEOUT)
    return result.returncode == 0 and "false" in result.stdout


def start(binary, *args):
    return subprocess.Popen([binary, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def main(binary):
    # A wrong question number: a clear message and status 1, no window.
    wrong = subprocess.run([binary, "--question", "99"], capture_output=True, text=True, timeout=TIMEOUT)
    check(wrong.returncode == 1, f"--question 99 exits with 1 (got {wrong.returncode})")
    check("no question 99" in wrong.stderr and "1 to 22" in wrong.stderr,
          f"--question 99 says why: {wrong.stderr.strip()!r}")

    # Start at question 5; the window title names it and the sidebar lists the questions.
    app = start(binary, "--question", "5")
    wait_for_frame(QUESTION_5, app)
    rows = wait_for("the sidebar rows", lambda: find_all(
        find_app(), lambda n: n.name.startswith("Question ") and ": " in n.name))
    check(any(r.name.startswith("Question 1: What are autoencoders") for r in rows),
          f"the sidebar announces question 1 ({len(rows)} rows on screen)")

    # Ctrl+Page Down opens the next question.
    press(QUESTION_5, "ctrl+Next")
    wait_for_frame(QUESTION_6)
    check(True, "Ctrl+Page Down opens question 6")

    # A second backprop hands its question to the first and exits.
    second = subprocess.run([binary, "--question", "3"], capture_output=True, text=True, timeout=TIMEOUT)
    check(second.returncode == 0, "a second instance exits cleanly")
    wait_for_frame(QUESTION_3)
    check(len(frame_names()) == 1, f"still one window: {frame_names()}")

    # Ctrl+Q quits.
    press(QUESTION_3, "ctrl+q", closes=True)
    check(app.wait(timeout=TIMEOUT) == 0, "Ctrl+Q quits with status 0")

    # Started again, it reopens the last question viewed.
    wait_for("the app's D-Bus name to be released", name_is_free)
    app = start(binary)
    wait_for_frame(QUESTION_3, app)
    check(True, "a restart reopens question 3")
    press(QUESTION_3, "ctrl+w", closes=True)
    check(app.wait(timeout=TIMEOUT) == 0, "Ctrl+W closes the last window and the app exits")

    study_scenarios(binary)
    search_scenario(binary)

    print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failure(s)")
    return 1 if failures else 0


def study_file():
    return os.path.join(os.environ["XDG_DATA_HOME"], "backprop", "study.ini")


def file_text(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return ""


def find_text(fragment):
    """Accessible objects (labels, dialogs, toasts) whose name holds @fragment."""
    return find_all(find_app(), lambda n: fragment in (n.name or ""))


def quit_app(app, title):
    press(title, "ctrl+q", closes=True)
    app.wait(timeout=TIMEOUT)
    wait_for("the app's D-Bus name to be released", name_is_free)


def start_with_notes_hidden(binary, *args):
    """Ctrl+E then opens the notes pane and puts the cursor in it (its state persists)."""
    subprocess.run(["gsettings", "set", "io.github.backprop.Backprop", "notes-visible", "false"],
                   check=True, timeout=TIMEOUT)
    return start(binary, *args)


def study_scenarios(binary):
    q1 = ("Q1: What are autoencoders, what layers do they have, and what are three "
          "practical uses?")

    # Killed 2 s after typing a note: the note is on disk all the same.
    app = start_with_notes_hidden(binary, "--question", "1")
    wait_for_frame(q1, app)
    press(q1, "ctrl+e")
    time.sleep(0.5)
    press(q1, "K i l l e d space a t space 2 space s")
    time.sleep(2)
    app.kill()
    app.wait(timeout=TIMEOUT)
    check("notes=Killed at 2 s" in file_text(study_file()),
          "a note typed 2 s before the app was killed is on disk")
    wait_for("the app's D-Bus name to be released", name_is_free)

    # A damaged store is moved aside, never overwritten, and the user is told.
    with open(study_file(), "w", encoding="utf-8") as f:
        f.write("[backprop\nversion=1\n\0garbage")
    app = start(binary, "--question", "1")
    wait_for_frame(q1, app)
    toast = wait_for("the toast about the damaged file", lambda: find_text("could not be read"))
    check(bool(toast), f"a toast says the study data could not be read: {toast[0].name!r}")
    aside = [n for n in os.listdir(os.path.dirname(study_file())) if n.startswith("study.ini.corrupt-")]
    check(len(aside) == 1 and "garbage" in file_text(os.path.join(os.path.dirname(study_file()), aside[0])),
          f"the damaged file was kept as {aside}")
    quit_app(app, q1)

    # Saving fails while the data folder cannot be made: the user is told, nothing is lost,
    # quitting asks first, and the note is saved once the folder can be made.
    # (The folder is blocked once the app runs: WebKit keeps data beside it at startup.)
    data_dir = os.path.dirname(study_file())
    moved_dir = data_dir + ".away"
    app = start_with_notes_hidden(binary, "--question", "1")
    wait_for_frame(q1, app)
    os.rename(data_dir, moved_dir)
    with open(data_dir, "w", encoding="utf-8") as f:
        f.write("a file where the folder should be")
    press(q1, "ctrl+e")
    time.sleep(0.5)
    press(q1, "U n s a v e d")
    error_toast = wait_for("a toast about the failed save", lambda: find_text("Could not save"))
    check(bool(error_toast), f"a toast says saving failed: {error_toast[0].name!r}")
    press(q1, "ctrl+q")
    dialog = wait_for("the question before quitting", lambda: find_text("Could Not Be Saved"))
    check(bool(dialog) and app.poll() is None, "quitting with unsaved changes asks first")
    os.remove(data_dir)
    os.rename(moved_dir, data_dir)
    press(q1, "Escape")
    try:
        wait_for("the retried save", lambda: "Unsaved" in file_text(study_file()), timeout=60)
    except AssertionError:
        print(f"data folder: {os.listdir(data_dir) if os.path.isdir(data_dir) else 'not a folder'}")
        print(f"study file: {file_text(study_file())!r}", flush=True)
        raise
    check(True, "the note is saved once the folder can be made again")
    quit_app(app, q1)
    check(app.returncode == 0, "then Ctrl+Q quits without asking")


def row_names():
    """The sidebar rows a screen reader announces, "Question N: title…"."""
    app = find_app()
    if app is None:
        return []
    return [n.name for n in find_all(app, lambda n: (n.name or "").startswith("Question ")
                                     and ": " in (n.name or "")
                                     and n.getRole() != pyatspi.ROLE_FRAME)]


def search_scenario(binary):
    """Search and move as a screen-reader user: keys only, and only what AT-SPI reports."""
    q1 = ("Q1: What are autoencoders, what layers do they have, and what are three "
          "practical uses?")
    q18 = "Q18: What can happen if you set SGD’s momentum hyperparameter too close to 1 (e.g. 0.9999)?"

    app = start(binary, "--question", "1")
    wait_for_frame(q1, app)

    # Every control a screen reader reaches has a name to announce.
    controls = find_all(find_app(), lambda n: n.getRole() in (
        pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_COMBO_BOX,
        pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT, pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX))
    # (GTK falls back to the class name, "GtkToggleButton", for a widget nobody named.)
    unnamed = [f"{c.getRoleName()} {c.name!r} in {c.parent.getRoleName() if c.parent else '?'}"
               for c in controls if not (c.name or "").strip() or c.name.startswith("Gtk")]
    check(len(controls) >= 8 and not unnamed,
          f"all {len(controls)} controls on screen have accessible names (unnamed: {unnamed})")

    press(q1, "ctrl+f m o m e n t u m")
    status = wait_for("the number of matches", lambda: find_text("questions match"))
    check(bool(status), f"the sidebar says how many match: {status[0].name!r}")
    rows = wait_for("the narrowed list",
                    lambda: (lambda names: names if names and
                             not any(n.startswith("Question 1:") for n in names) else None)(row_names()))
    check(rows[0].startswith("Question 18:"), f"the momentum question is listed first: {rows[0]!r}")

    # Enter opens the best match.
    press(q1, "Return")
    wait_for_frame(q18, app)
    check(True, "Enter in the search opens question 18")

    # Escape clears the search: all questions are back.
    press(q18, "ctrl+f Escape")
    wait_for("question 1 back in the list",
             lambda: any(n.startswith("Question 1:") for n in row_names()))
    check(True, "Escape brings every question back")

    # Alt+Left returns to the question read before.
    press(q18, "alt+Left")
    wait_for_frame(q1, app)
    check(True, "Alt+Left goes back to question 1")

    quit_app(app, q1)


if __name__ == "__main__":
    os.environ.setdefault("GSETTINGS_BACKEND", "keyfile")
    sys.exit(main(sys.argv[1]))
