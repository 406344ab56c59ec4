#!/usr/bin/python3
# Drives the REAL fprintd (and libfprint's virtual reader) started by with-fprintd.sh, the way
# fprintd-enroll / fprintd-delete would, through fprintd's D-Bus API on DBUS_SYSTEM_BUS_ADDRESS:
#   fprint-helper.py enroll FINGER_NAME SCAN_ID   Claim, EnrollStart, one SCAN per stage, Release
#   fprint-helper.py delete                        Claim, DeleteEnrolledFingers2, Release
#   fprint-helper.py list                          prints the enrolled finger names
#   fprint-helper.py scan SCAN_ID                  one touch on the virtual reader (it must be claimed)
# Runs with Debian's /usr/bin/python3 (python3-dbus and python3-gi come with python3-dbusmock).
import os
import socket
import sys
import time

import dbus
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

FPRINT = 'net.reactivated.Fprint'


def scan(scan_id, wait_s=10.0):
    path = os.environ['CONCIERGE_FP_SOCKET']
    deadline = time.monotonic() + wait_s
    while True:
        try:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(path)
            s.sendall(f'SCAN {scan_id}'.encode())
            s.close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def device():
    bus = dbus.SystemBus()
    manager = dbus.Interface(bus.get_object(FPRINT, '/net/reactivated/Fprint/Manager'), f'{FPRINT}.Manager')
    return dbus.Interface(bus.get_object(FPRINT, manager.GetDefaultDevice()), f'{FPRINT}.Device')


def enroll(finger, scan_id):
    dev = device()
    dev.Claim('')
    loop = GLib.MainLoop()
    statuses = []

    def on_status(result, done):
        statuses.append(str(result))
        if done:
            loop.quit()
        elif str(result) == 'enroll-stage-passed':
            GLib.idle_add(lambda: scan(scan_id) and False)

    dev.connect_to_signal('EnrollStatus', on_status)
    dev.EnrollStart(finger)
    GLib.idle_add(lambda: scan(scan_id) and False)
    GLib.timeout_add_seconds(20, loop.quit)
    loop.run()
    try:
        dev.EnrollStop()
    finally:
        dev.Release()
    if not statuses or statuses[-1] != 'enroll-completed':
        sys.exit(f'enroll failed: {statuses}')
    print(' '.join(statuses))


def delete():
    dev = device()
    dev.Claim('')
    try:
        dev.DeleteEnrolledFingers2()
    finally:
        dev.Release()


def list_fingers():
    try:
        print(' '.join(str(f) for f in device().ListEnrolledFingers('')))
    except dbus.exceptions.DBusException as e:
        if 'NoEnrolledPrints' not in e.get_dbus_name():
            raise


if __name__ == '__main__':
    DBusGMainLoop(set_as_default=True)
    cmd, args = sys.argv[1], sys.argv[2:]
    {'enroll': lambda: enroll(*args), 'delete': delete, 'list': list_fingers, 'scan': lambda: scan(*args)}[cmd]()
