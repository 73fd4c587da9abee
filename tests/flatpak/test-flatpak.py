# test-flatpak.py: the installed Flatpak, run in its sandbox and used as a person would
# SPDX-License-Identifier: GPL-3.0-or-later
"""usage: test-flatpak.py CACHE_DIR RTKIT_STANDIN

Runs inside build-aux/x-session.sh (a private X server and session bus), against the
installation build-aux/flatpak/make-runtime.sh made in CACHE_DIR ($BACKPROP_FLATPAK_CACHE
when set, as for that script), whose layout.env says where each piece is.
Prints TAP. Where the host has no system bus, a private one carries a stand-in
RealtimeKit (RTKIT_STANDIN) that the desktop portal is pointed at; the portal and
flatpak's own portal are started by the session bus, as on a desktop. With
BACKPROP_FLATPAK_SHOTS=DIR, the window with the deck opened through the portal is saved
as DIR/flatpak-light.png and DIR/flatpak-dark.png."""

import configparser
import dbus
import glob
import os
import shutil
import signal
import re
import socket
import struct
import subprocess
import sys
import tempfile
import time
import zlib

from fontTools.ttLib import TTFont

APP_ID = "io.github.backprop.Backprop"
TIMEOUT = 120
NOTE = "typed in the sandbox"

results = []


def check(name, function):
    """Runs one check; an exception or a false result is a failure, with its reason."""
    try:
        outcome = function()
        passed = outcome is not False
        detail = ""
    except Exception as error:  # a check that cannot run has failed, and says why
        passed = False
        detail = f"{type(error).__name__}: {error}"
    number = len(results) + 1
    results.append(passed)
    print(f"{'ok' if passed else 'not ok'} {number} - {name}", flush=True)
    if detail:
        for line in detail.splitlines():
            print(f"# {line}", flush=True)
    return passed


def flatpak(*arguments, **options):
    return subprocess.run(["flatpak", "--user", *arguments], timeout=TIMEOUT, **options)


def run_in_sandbox(command, *flatpak_options):
    return flatpak("run", *flatpak_options, f"--command={command[0]}", APP_ID, *command[1:],
                   capture_output=True, text=True)


class App:
    """The app started with `flatpak run`, its stderr kept to read the start-up trace."""

    def __init__(self, log_dir, environment=None):
        self.log_path = os.path.join(log_dir, "app.log")
        self.log = open(self.log_path, "w", encoding="utf-8")
        # The page handler's debug lines say what each backprop: request was answered.
        self.process = subprocess.Popen(
            ["flatpak", "--user", "run", "--env=BACKPROP_TRACE_STARTUP=1",
             "--env=G_MESSAGES_DEBUG=bp-page-handler", APP_ID],
            stdout=self.log, stderr=subprocess.STDOUT, env=environment)

    def output(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as log:
            return log.read()

    def wait_for(self, text, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.output():
                return
            if self.process.poll() is not None:
                raise AssertionError(f"the app left (status {self.process.returncode}) "
                                     f"before '{text}':\n{self.output()[-3000:]}")
            time.sleep(0.2)
        raise AssertionError(f"no '{text}' in {timeout} s:\n{self.output()[-3000:]}")

    def stop(self):
        """Quits as a person would (Ctrl+Q), so the app saves and lets go of its name."""
        if self.process.poll() is None:
            try:
                press("ctrl+q")
                self.process.wait(timeout=20)
            except (subprocess.SubprocessError, OSError):
                pass
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def press(*keys):
    """Types @keys into the app's window, as a keyboard would (no window manager here:
    xdotool gives the window the focus)."""
    subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--classname", "backprop",
                    "windowfocus", "--sync"], check=True, timeout=TIMEOUT)
    subprocess.run(["xdotool", "key", "--delay", "80", *keys], check=True, timeout=TIMEOUT)


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "40", text], check=True, timeout=TIMEOUT)


def session_processes():
    """pid -> command line of every process of this test's session (x-session.sh gives
    it one): the services D-Bus starts for it too, and nothing another test runs."""
    session = os.getsid(0)
    table = {}
    for cmdline_path in glob.glob("/proc/[0-9]*/cmdline"):
        pid = int(cmdline_path.split("/")[2])
        try:
            if os.getsid(pid) != session:
                continue
            with open(cmdline_path, "rb") as cmdline:
                table[pid] = cmdline.read().split(b"\0")[0:-1]
        except OSError:
            continue
    return {pid: [arg.decode(errors="replace") for arg in argv] for pid, argv in table.items()
            if argv}


def parent_of(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return int(stat.read().rpartition(")")[2].split()[1])
    except OSError:
        return None


def flatpak_info(pid):
    """The sandbox's own description of itself, as the process sees it."""
    info = configparser.ConfigParser(interpolation=None)
    info.read(f"/proc/{pid}/root/.flatpak-info")
    return info


def start_private_system_bus(home, rtkit_standin):
    """A bus like the system bus, with the stand-in RealtimeKit on it, and the session
    bus told to start its services (the desktop portal) pointed at it."""
    config = os.path.join(home, "system-bus.conf")
    with open(config, "w", encoding="utf-8") as conf:
        conf.write(f"""<busconfig>
  <type>system</type>
  <listen>unix:dir={home}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/><allow own="*"/><allow send_type="method_call"/>
    <allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/>
  </policy>
</busconfig>
""")
    bus = subprocess.Popen(["dbus-daemon", "--config-file", config, "--nofork",
                            "--print-address"], stdout=subprocess.PIPE, text=True)
    address = bus.stdout.readline().strip()
    standin = subprocess.Popen(["/usr/bin/python3", rtkit_standin, address],
                               stdout=subprocess.PIPE, text=True)
    if standin.stdout.readline().strip() != "ready":
        raise RuntimeError("the stand-in RealtimeKit did not start")
    return address, [standin, bus]


def set_activation_environment(variables):
    session = dbus.SessionBus()
    daemon = session.get_object("org.freedesktop.DBus", "/org/freedesktop/DBus")
    daemon.UpdateActivationEnvironment(variables, dbus_interface="org.freedesktop.DBus")


def check_math_font():
    """fontconfig in the sandbox finds a font whose file has an OpenType MATH table."""
    listed = run_in_sandbox(["fc-list", "-f", "%{family[0]}\t%{file}\n"])
    assert listed.returncode == 0, listed.stderr
    location = flatpak("info", "--show-location", RUNTIME, capture_output=True, text=True,
                       check=True).stdout.strip()
    math = []
    for line in listed.stdout.splitlines():
        family, _, path = line.partition("\t")
        host_path = os.path.join(location, "files", os.path.relpath(path, "/usr"))
        if path.startswith("/usr/") and os.path.exists(host_path) \
                and "MATH" in TTFont(host_path, lazy=True, fontNumber=0):
            math.append(family)
    print(f"# fonts with a MATH table in the sandbox: {sorted(set(math))}")
    # The page names this one first (resources/page/page.css); the GNOME runtime has it too.
    assert "DejaVu Math TeX Gyre" in math, f"no math font among {listed.stdout}"


KATEX_RESOURCE = "/io/github/backprop/Backprop/katex/katex.min.js"


def check_katex():
    """KaTeX, which turns an opened deck's TeX into MathML, is compiled into the app the
    sandbox runs (the build only warns without it), and the KaTeX module's own copy was
    cleaned up."""
    listed = run_in_sandbox(["gresource", "list", "/app/bin/backprop"])
    assert listed.returncode == 0, listed.stderr
    assert KATEX_RESOURCE in listed.stdout.split(), f"no KaTeX in the app:\n{listed.stdout}"
    script = run_in_sandbox(["sh", "-c", f"gresource extract /app/bin/backprop {KATEX_RESOURCE}"
                                         " | grep -c renderToString; ls /app/share"])
    assert script.returncode == 0 and script.stdout.split()[0] != "0", \
        f"the app's KaTeX has no renderToString:\n{script.stdout}{script.stderr}"
    assert "backprop-build" not in script.stdout.split(), \
        f"the KaTeX module's file is still in /app/share:\n{script.stdout}"


def check_painted(app):
    """The start-up trace says the first answer is on screen, and the app is still there
    seconds later (without RealtimeKit's answer, the kernel would have killed it)."""
    app.wait_for("first-page-painted")
    time.sleep(3)
    assert app.process.poll() is None, f"the app left after painting:\n{app.output()[-3000:]}"


def check_no_network():
    """A TCP connection from inside the sandbox to a listener on the host's loopback
    fails; with network permission granted (the control) the same command connects."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    port = listener.getsockname()[1]
    connect = ["bash", "-c", f"exec 3<>/dev/tcp/127.0.0.1/{port}"]
    try:
        denied = run_in_sandbox(connect)
        assert denied.returncode != 0, "the sandbox connected to the host without permission"
        allowed = run_in_sandbox(connect, "--share=network")
        assert allowed.returncode == 0, \
            f"the control with --share=network did not connect either: {allowed.stderr}"
    finally:
        listener.close()


def descendants(ancestors):
    """pid -> command of every process on the machine under one of @ancestors: flatpak's
    portal starts the web processes' sandboxes in sessions of their own."""
    parents = {}
    for stat_path in glob.glob("/proc/[0-9]*/stat"):
        pid = int(stat_path.split("/")[2])
        parent = parent_of(pid)
        if parent is not None:
            parents[pid] = parent
    found = {}
    for pid in parents:
        chain = pid
        while chain in parents and chain not in ancestors:
            chain = parents[chain]
        if chain in ancestors and pid not in ancestors:
            found[pid] = command_of(pid)
    return found


def check_web_process_sandboxed(home):
    """WebKit's web process runs in a sandbox of its own, without network, asked for with
    flatpak-spawn --sandbox from inside the app's: not in the app's own sandbox."""
    table = session_processes()
    listing = "\n".join(f"{pid} (parent {parent_of(pid)}) {' '.join(argv)[:150]}"
                        for pid, argv in sorted(table.items()))
    spawns = [argv for argv in table.values() if os.path.basename(argv[0]) == "flatpak-spawn"]
    assert any("--sandbox" in argv for argv in spawns), \
        f"WebKit did not start its processes with flatpak-spawn --sandbox:\n{listing}"
    named = {pid: os.path.basename(argv[0]) for pid, argv in table.items()}
    apps = [pid for pid, name in named.items() if name == "backprop"]
    portals = {pid for pid, name in named.items() if name == "flatpak-portal"}
    assert len(apps) == 1 and portals, f"no app, or no flatpak portal:\n{listing}"
    app_instance = flatpak_info(apps[0])["Instance"]["instance-id"]
    # The portal's bwrap leads a session of its own; the sandboxed process is in it.
    started = set(descendants(portals))
    web = {pid: flatpak_info(pid) for pid in all_pids()
           if os.path.basename(command_of(pid)) == "WebKitWebProcess"
           and (pid in started or session_of(pid) in started)}
    assert web, f"flatpak's portal started no WebKitWebProcess:\n{listing}"
    app_instances = {app_instance}
    for pid, info in web.items():
        assert info["Application"]["name"] == APP_ID, f"web process {pid}: {dict(info)}"
        assert info["Instance"]["instance-id"] not in app_instances, \
            f"web process {pid} runs in the app's own sandbox"
        shared = info.get("Context", "shared", fallback="").split(";")
        assert "network" not in shared, f"web process {pid} has network access: {shared}"
    print(f"# {len(web)} web process(es), each in a sandbox of its own (instances "
          f"{sorted(info['Instance']['instance-id'] for info in web.values())}; the app's: "
          f"{sorted(app_instances)})")


def all_pids():
    return [int(path.split("/")[2]) for path in glob.glob("/proc/[0-9]*")]


def session_of(pid):
    try:
        return os.getsid(pid)
    except OSError:
        return None


def command_of(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read().split(b"\0")[0].decode(errors="replace")
    except OSError:
        return ""


def check_study_data(home, host_data):
    """Ctrl+D marks the question weak, Ctrl+E opens the notes; what is typed is saved in
    the app's own data folder under ~/.var/app, and nothing is written anywhere else."""
    before = set(walk(home))
    press("ctrl+d")
    press("ctrl+e")
    time.sleep(1)
    type_text(NOTE)
    study = os.path.join(home, ".var", "app", APP_ID, "data", "backprop", "study.ini")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if os.path.exists(study) and NOTE in open(study, encoding="utf-8").read():
            break
        time.sleep(0.5)
    with open(study, encoding="utf-8") as study_file:
        text = study_file.read()
    keys = configparser.ConfigParser(interpolation=None)
    keys.read_string(text)
    marked = [section for section in keys.sections()
              if keys[section].get("weak") == "true" and NOTE in keys[section].get("notes", "")]
    assert marked, f"no question both weak and noted in {study}:\n{text}"
    outside = [path for path in set(walk(home)) - before
               if not path.startswith(os.path.join(".var", "app", APP_ID) + os.sep)
               and path != "app.log"]
    assert not outside, f"written outside the app's folder: {outside}"
    assert not os.path.exists(os.path.join(host_data, "backprop")), \
        "the app wrote to the host's own data folder"


def check_export(home):
    """Export Notes… (the main menu: F10, then its mnemonic) asks the FileChooser portal,
    whose dialog runs outside the sandbox; the file lands where the person typed, through
    the document portal, since the app cannot see that folder itself."""
    target_dir = os.path.join(home, "Exports")
    os.makedirs(target_dir)
    target = os.path.join(target_dir, "exported notes.md")
    press("F10")
    time.sleep(1)
    subprocess.run(["xdotool", "key", "e"], check=True, timeout=TIMEOUT)
    # The portal's own dialog, drawn by xdg-desktop-portal-gtk on the host.
    subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "^Export Notes$",
                    "windowfocus", "--sync"], check=True, timeout=60)
    time.sleep(1)
    subprocess.run(["xdotool", "key", "ctrl+a"], check=True, timeout=TIMEOUT)
    type_text(target)
    subprocess.run(["xdotool", "key", "Return"], check=True, timeout=TIMEOUT)
    deadline = time.monotonic() + 30
    while not (os.path.exists(target) and NOTE in open(target, encoding="utf-8").read()):
        assert time.monotonic() < deadline, \
            f"nothing with the note was written to {target}: {os.listdir(target_dir)}"
        time.sleep(0.5)


# Decks in folders of the host's that the app cannot see; each image a colour of its own
# that nothing else on the screen has, so a screenshot tells whether it was drawn.
FILE_DECK_QUESTION = "Q1: Which door does the document portal open"
FOLDER_DECK_QUESTION = "Q1: Which pictures does a granted folder show"
INSIDE_COLOUR = (255, 0, 255)
BESIDE_COLOUR = (255, 255, 0)
OUTSIDE_COLOUR = (0, 255, 255)


def write_png(path, colour, size=64):
    """A square PNG of one colour, written by hand: the test needs no imaging library."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    rows = (b"\0" + bytes(colour) * size) * size
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    with open(path, "wb") as image:
        image.write(png)
    return len(png)


def write_decks(home):
    """~/Decks/portal deck.md, with an image beside it that opening the file alone does not
    grant; ~/My Decks/folder deck.md, with an image in the folder and a link in it to one
    outside (~/outside.png), which the host's own file system would follow."""
    decks = {"file_dir": os.path.join(home, "Decks"), "folder": os.path.join(home, "My Decks")}
    os.makedirs(decks["file_dir"])
    os.makedirs(os.path.join(decks["folder"], "figures"))
    decks["file"] = os.path.join(decks["file_dir"], "portal deck.md")
    with open(decks["file"], "w", encoding="utf-8") as deck:
        deck.write(f"# Portal Deck\n\n### {FILE_DECK_QUESTION}\n\n"
                   "Only the file that was chosen.\n\n![beside the deck](beside.png)\n\n"
                   "### Q2: And a second question\n\nSo the deck has two.\n")
    write_png(os.path.join(decks["file_dir"], "beside.png"), BESIDE_COLOUR)
    decks["folder_deck"] = os.path.join(decks["folder"], "folder deck.md")
    with open(decks["folder_deck"], "w", encoding="utf-8") as deck:
        deck.write(f"# Folder Deck\n\n### {FOLDER_DECK_QUESTION}\n\n"
                   "![inside the folder](figures/inside.png)\n\n"
                   "![linked from outside](figures/escape.png)\n\n"
                   "Those inside the folder.\n")
    decks["inside_size"] = write_png(os.path.join(decks["folder"], "figures", "inside.png"),
                                     INSIDE_COLOUR)
    write_png(os.path.join(home, "outside.png"), OUTSIDE_COLOUR)
    os.symlink("../../outside.png", os.path.join(decks["folder"], "figures", "escape.png"))
    with open(os.path.join(decks["folder"], "figures", "escape.png"), "rb") as escape:
        assert escape.read(4) == b"\x89PNG", "the control: the host follows the link"
    return decks


def screen_pixels():
    """The X server's screen as RGB bytes, three a pixel."""
    xwd = subprocess.run(["xwd", "-root", "-silent"], capture_output=True, check=True,
                         timeout=TIMEOUT).stdout
    ppm = subprocess.run(["convert", "xwd:-", "ppm:-"], input=xwd, capture_output=True,
                         check=True, timeout=TIMEOUT).stdout
    fields, position = [], 0
    while len(fields) < 4:  # P6, width, height, maxval; "#" starts a comment
        match = re.compile(rb"\s*(#[^\n]*\n|\S+)").match(ppm, position)
        position = match.end()
        if not match.group(1).startswith(b"#"):
            fields.append(match.group(1))
    return ppm[position + 1:]


def count_colour(colour):
    pixels = screen_pixels()
    target = bytes(colour)
    return sum(1 for i in range(0, len(pixels) - 2, 3) if pixels[i:i + 3] == target)


def wait_for_window(name, timeout=60):
    """Waits until the app's window is titled @name (the open question, "Q1: …")."""
    deadline = time.monotonic() + timeout
    while True:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--classname", "backprop",
                                "getwindowname", "%@"], capture_output=True, text=True)
        names = found.stdout.splitlines()
        if any(line.startswith(name) for line in names):
            return
        assert time.monotonic() < deadline, f"no window titled '{name}…' in {timeout} s: {names}"
        time.sleep(0.3)


def choose_in_portal_dialog(title, path):
    """In the FileChooser portal's own dialog (xdg-desktop-portal-gtk, on the host), types
    @path into its location entry and accepts it, as a person would. The dialog opens on
    Recent, where a typed folder is not taken: Alt+Home goes to a folder first. Delete drops
    what the entry completed on its own (a folder's only subfolder); where Return only
    entered the folder, the accept button (the app's "_Open") takes it."""
    subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", f"^{title}$",
                    "windowfocus", "--sync"], check=True, timeout=60)
    time.sleep(1)
    for keys in (["alt+Home"], ["ctrl+l"]):
        subprocess.run(["xdotool", "key", *keys], check=True, timeout=TIMEOUT)
        time.sleep(0.5)
    type_text(path)
    time.sleep(1)
    for keys in (["Delete", "Return"], ["alt+o"]):
        subprocess.run(["xdotool", "key", *keys], check=True, timeout=TIMEOUT)
        time.sleep(1)
        if not dialog_open(title):
            return
    assert not dialog_open(title), f"the portal's dialog did not take {path}"


def dialog_open(title):
    return subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                          capture_output=True).returncode == 0


def library_paths(home):
    library = configparser.ConfigParser(interpolation=None)
    library.read(os.path.join(home, ".var", "app", APP_ID, "data", "backprop", "library.ini"))
    return [library[section]["path"] for section in library.sections()
            if "path" in library[section]]


def served(app, name):
    """What the page handler answered for backprop://deck-file/<deck>/@name: the number of
    bytes served, "refused" with why, or None when the page never asked."""
    pattern = re.compile(r"backprop://deck-file/[^/\s]+/" + re.escape(name)
                         + r"(?:: (\d+) bytes| refused: (.*))")
    answers = [match.group(1) or f"refused: {match.group(2)}"
               for match in pattern.finditer(app.output())]
    return answers[-1] if answers else None


def wait_for_served(app, name, timeout=30):
    deadline = time.monotonic() + timeout
    while served(app, name) is None:
        assert time.monotonic() < deadline, \
            f"the page never asked for {name}:\n{app.output()[-3000:]}"
        time.sleep(0.3)
    return served(app, name)


def check_open_deck(app, home, decks):
    """Open Deck… (Ctrl+O) asks the FileChooser portal for a deck in a folder the sandbox
    cannot see; it opens at its first question from the document portal's path, which the
    library keeps, and the portal grants that file only: the image beside it stays out."""
    hidden = run_in_sandbox(["test", "-e", decks["file"]])
    assert hidden.returncode != 0, f"the sandbox sees {decks['file']} without the portal"
    press("ctrl+o")
    choose_in_portal_dialog("Open Deck", decks["file"])
    wait_for_window(FILE_DECK_QUESTION)
    doc_root = f"/run/user/{os.getuid()}/doc/"
    paths = [path for path in library_paths(home) if path.endswith("/portal deck.md")]
    assert paths and paths[0].startswith(doc_root), \
        f"the library does not keep the deck's document portal path: {library_paths(home)}"
    listed = subprocess.run(["flatpak", "documents", "--columns=path,application,permissions",
                             APP_ID], capture_output=True, text=True, timeout=TIMEOUT)
    assert listed.returncode == 0, f"flatpak documents: {listed.stderr}"
    documents = listed.stdout
    assert any(line.startswith(paths[0] + "\t") and APP_ID in line
               for line in documents.splitlines()), \
        f"the document portal lists no {paths[0]} for the app:\n{documents}"
    info = subprocess.run(["flatpak", "document-info", decks["file"]], capture_output=True,
                          text=True, timeout=TIMEOUT)
    document_id = paths[0][len(doc_root):].split("/")[0]
    assert info.returncode == 0 and document_id in info.stdout, \
        f"{decks['file']} is not document {document_id}:\n{info.stdout}{info.stderr}"
    print("# " + info.stdout.strip().replace("\n", "\n# "))
    answer = wait_for_served(app, "beside.png")
    assert answer.startswith("refused"), f"beside.png, never granted, was served: {answer}"
    assert count_colour(BESIDE_COLOUR) == 0, "the image beside the deck is on the screen"
    print(f"# opened as {paths[0]}; beside.png {answer}")


def check_reopened(app, home, decks):
    """After a restart, the deck opened through the portal is read again at its question:
    the document portal kept the app's grant to it."""
    wait_for_window(FILE_DECK_QUESTION)
    assert any(path.endswith("/portal deck.md") for path in library_paths(home))


def check_open_folder(app, home, decks):
    """Open Folder… (the main menu) grants a folder through the portal: its deck opens, its
    image is served with all its bytes and drawn; an image reached by a link out of the
    folder is not served, and not drawn."""
    press("F10")
    time.sleep(1)
    subprocess.run(["xdotool", "key", "f"], check=True, timeout=TIMEOUT)
    choose_in_portal_dialog("Open Folder of Decks", decks["folder"])
    wait_for_window(FOLDER_DECK_QUESTION)
    inside = wait_for_served(app, "figures/inside.png")
    assert inside == str(decks["inside_size"]), \
        f"figures/inside.png: {inside}, not its {decks['inside_size']} bytes"
    escape = wait_for_served(app, "figures/escape.png")
    assert escape.startswith("refused"), f"the link out of the folder was served: {escape}"
    deadline = time.monotonic() + 10
    while (drawn := count_colour(INSIDE_COLOUR)) < 32 * 32:
        assert time.monotonic() < deadline, f"the folder's image is not on the screen ({drawn} px)"
        time.sleep(0.5)
    assert count_colour(OUTSIDE_COLOUR) == 0, "the image outside the folder is on the screen"
    print(f"# figures/inside.png: {inside} bytes, {drawn} pixels on screen; escape.png {escape}")


def take_screenshots(directory):
    """With BACKPROP_FLATPAK_SHOTS set: the app's window as it is, then in the dark style
    (set with gsettings in the sandbox; the running app follows its settings file)."""
    os.makedirs(directory, exist_ok=True)
    geometry = dict(line.split("=", 1) for line in subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--classname", "backprop",
         "getwindowgeometry", "--shell"], capture_output=True, text=True, check=True,
        timeout=TIMEOUT).stdout.split())
    crop = f"{geometry['WIDTH']}x{geometry['HEIGHT']}+{geometry['X']}+{geometry['Y']}"
    for scheme in ("light", "dark"):
        if scheme == "dark":
            run_in_sandbox(["gsettings", "set", APP_ID, "color-scheme", "force-dark"])
            time.sleep(3)
        xwd = subprocess.run(["xwd", "-root", "-silent"], capture_output=True, check=True,
                             timeout=TIMEOUT).stdout
        subprocess.run(["convert", "xwd:-", "-crop", crop, "+repage",
                        f"png:{directory}/flatpak-{scheme}.png"],
                       input=xwd, check=True, timeout=TIMEOUT)
        print(f"# screenshot: {directory}/flatpak-{scheme}.png")

def walk(root):
    for directory, _, files in os.walk(root):
        for name in files:
            yield os.path.relpath(os.path.join(directory, name), root)


def wait_for_name_free():
    """A process that has just left can still own the app's name on the session bus for
    a moment; a new one started then would hand its window over to it and leave."""
    daemon = dbus.SessionBus().get_object("org.freedesktop.DBus", "/org/freedesktop/DBus")
    deadline = time.monotonic() + 30
    while daemon.NameHasOwner(APP_ID, dbus_interface="org.freedesktop.DBus"):
        assert time.monotonic() < deadline, f"{APP_ID} still owned 30 s after the app quit"
        time.sleep(0.2)


def use_installation(directory):
    """Points flatpak's portal at the installation @directory: the session bus starts it
    again, with that environment, at the next request."""
    set_activation_environment({"FLATPAK_USER_DIR": directory})
    for pid, argv in session_processes().items():
        if os.path.basename(argv[0]) == "flatpak-portal":
            os.kill(pid, signal.SIGTERM)
            while parent_of(pid) is not None:
                time.sleep(0.1)


def check_bundle(layout):
    """The single-file bundle installs into an empty installation, which adds the remote
    the bundle names for its runtime and pulls the runtime from it, and the app it
    installs paints its first answer."""
    empty = tempfile.mkdtemp(prefix="backprop-bundle-")
    environment = dict(os.environ, FLATPAK_USER_DIR=empty)
    try:
        def run(*arguments):
            result = subprocess.run(["flatpak", "--user", *arguments], env=environment,
                                    capture_output=True, text=True, timeout=600)
            assert result.returncode == 0, f"flatpak {' '.join(arguments)}: {result.stderr}"
            return result.stdout
        assert not os.listdir(empty)
        use_installation(empty)
        run("install", "-y", "--noninteractive", "--bundle", layout["BACKPROP_FLATPAK_BUNDLE"])
        installed = run("list", "--columns=application,branch")
        runtime_id, _, branch = layout["BACKPROP_FLATPAK_RUNTIME"].partition("//")
        assert APP_ID in installed and runtime_id in installed, \
            f"the bundle did not bring its runtime along:\n{installed}"
        wait_for_name_free()
        app = App(empty, environment)
        try:
            app.wait_for("first-page-painted")
        finally:
            app.stop()
    finally:
        shutil.rmtree(empty, ignore_errors=True)


def can_sandbox():
    """Whether bubblewrap can make a sandbox here, as tests/flatpak/build.sh asks."""
    if shutil.which("bwrap") is None:
        return False
    return subprocess.run(["bwrap", "--unshare-all", "--ro-bind", "/", "/", "true"],
                          capture_output=True).returncode == 0


def main(cache_dir, rtkit_standin):
    global RUNTIME
    if not can_sandbox():
        print("1..0 # SKIP bubblewrap cannot make a sandbox here (no bwrap, or no user namespaces)")
        return 0
    layout_path = os.path.join(os.environ.get("BACKPROP_FLATPAK_CACHE", cache_dir), "layout.env")
    if not os.path.exists(layout_path):
        print(f"Bail out! no {layout_path}: the flatpak-build test did not finish")
        return 1
    layout = {}
    with open(layout_path, encoding="utf-8") as layout_file:
        for line in layout_file:
            name, _, value = line.strip().partition("=")
            layout[name] = value
    os.environ["FLATPAK_USER_DIR"] = layout["FLATPAK_USER_DIR"]
    RUNTIME = layout["BACKPROP_FLATPAK_RUNTIME"]
    home = tempfile.mkdtemp(prefix="backprop-home-")
    host_data = os.environ.get("XDG_DATA_HOME", os.path.join(home, ".local", "share"))
    os.environ["HOME"] = home
    helpers = []
    decks = write_decks(home)
    print("1..11", flush=True)
    try:
        # flatpak's portal, which starts the web processes' sandboxes, runs `flatpak run`
        # on the host: it must look in the same installation.
        environment = {"XDG_CURRENT_DESKTOP": "GNOME", "HOME": home,
                       "FLATPAK_USER_DIR": layout["FLATPAK_USER_DIR"]}
        if not os.path.exists("/run/dbus/system_bus_socket"):
            address, helpers = start_private_system_bus(home, rtkit_standin)
            os.environ["DBUS_SYSTEM_BUS_ADDRESS"] = address
            environment["DBUS_SYSTEM_BUS_ADDRESS"] = address
        set_activation_environment(environment)

        check("a math font is in the runtime, found by fontconfig in the sandbox",
              check_math_font)
        check("no network from inside the sandbox", check_no_network)
        check("KaTeX is compiled into the sandboxed app", check_katex)
        app = App(home)
        try:
            painted = check("the first answer is painted, and the app keeps running",
                            lambda: check_painted(app))
            check("the web process runs sandboxed through flatpak-spawn",
                  lambda: painted and check_web_process_sandboxed(home))
            check("weak topic and note land in ~/.var/app and nowhere else",
                  lambda: painted and check_study_data(home, host_data))
            check("Export Notes… writes where the person chose, through the FileChooser portal",
                  lambda: painted and check_export(home))
            opened = check("Open Deck… opens a deck the sandbox cannot see through the "
                           "document portal, and only that file",
                           lambda: painted and check_open_deck(app, home, decks))
        finally:
            app.stop()
        wait_for_name_free()
        app = App(home)
        try:
            check("a restart reopens that deck: the document portal kept the grant",
                  lambda: opened and check_reopened(app, home, decks))
            check("Open Folder… grants a folder: its image is served and drawn, one linked "
                  "from outside it is not", lambda: painted and check_open_folder(app, home, decks))
            if os.environ.get("BACKPROP_FLATPAK_SHOTS"):
                take_screenshots(os.environ["BACKPROP_FLATPAK_SHOTS"])
        finally:
            app.stop()
        check("the bundle installs into an empty installation and runs",
              lambda: check_bundle(layout))
    finally:
        for helper in helpers:
            helper.terminate()
            helper.wait()
        shutil.rmtree(home, ignore_errors=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
