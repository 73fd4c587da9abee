# rtkit-standin.py: a stand-in RealtimeKit on a private system bus, for sandbox tests
# SPDX-License-Identifier: GPL-3.0-or-later
"""usage: rtkit-standin.py BUS_ADDRESS

Owns org.freedesktop.RealtimeKit1 on the bus at BUS_ADDRESS and answers as RealtimeKit
does on a desktop, without changing any thread's scheduling.

Why: WebKit in a Flatpak asks the Realtime portal for RTTimeUSecMax and sets its own
RLIMIT_RTTIME to it. Where the portal cannot reach RealtimeKit (no system bus, as on a
test machine) it answers 0, and the kernel kills the app a second after its window
appears. With RealtimeKit's usual limits the app runs as it would on a desktop. Granting
nothing keeps a test from starving the machine's other work; WebKit carries on without
real-time threads, as it does when RealtimeKit refuses."""

import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

INTERFACE = "org.freedesktop.RealtimeKit1"
PATH = "/org/freedesktop/RealtimeKit1"
# RealtimeKit's defaults (rtkit-daemon --help).
PROPERTIES = {
    "MaxRealtimePriority": dbus.Int32(20),
    "MinNiceLevel": dbus.Int32(-15),
    "RTTimeUSecMax": dbus.Int64(200000),
}


class RealtimeKit(dbus.service.Object):
    @dbus.service.method(INTERFACE, in_signature="tu")
    def MakeThreadRealtime(self, thread, priority):
        pass

    @dbus.service.method(INTERFACE, in_signature="ti")
    def MakeThreadHighPriority(self, thread, priority):
        pass

    @dbus.service.method(INTERFACE, in_signature="ttu")
    def MakeThreadRealtimeWithPID(self, process, thread, priority):
        pass

    @dbus.service.method(INTERFACE, in_signature="tti")
    def MakeThreadHighPriorityWithPID(self, process, thread, priority):
        pass

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        if interface != INTERFACE or name not in PROPERTIES:
            raise dbus.exceptions.DBusException(
                f"no property {interface}.{name}",
                name="org.freedesktop.DBus.Error.UnknownProperty")
        return PROPERTIES[name]

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return PROPERTIES if interface == INTERFACE else {}


def main(address):
    DBusGMainLoop(set_as_default=True)
    bus = dbus.bus.BusConnection(address)
    name = dbus.service.BusName(INTERFACE, bus)
    RealtimeKit(bus, PATH)
    print("ready", flush=True)
    loop = GLib.MainLoop()
    # Leaves with its bus.
    bus.call_on_disconnection(lambda _connection: loop.quit())
    loop.run()
    del name


if __name__ == "__main__":
    main(sys.argv[1])
