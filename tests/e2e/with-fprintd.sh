#!/bin/sh
# Runs a command next to a REAL fprintd driving libfprint's virtual fingerprint reader, on a private
# system bus with a mock polkit that allows everything, so tests never touch the machine's reader,
# its prints or its polkit rules. Combine with with-keyring.sh for the keychain:
#   tests/e2e/with-fprintd.sh tests/e2e/with-keyring.sh COMMAND [ARGS...]
# Exports DBUS_SYSTEM_BUS_ADDRESS and CONCIERGE_FP_SOCKET (the virtual device's socket: writing
# "SCAN <id>" to it is one touch of finger <id>; it exists while a client has claimed the reader).
# tests/e2e/fprint-helper.py enrolls and deletes prints through fprintd's D-Bus API.
set -eu
work="$(mktemp -d -t concierge-fprintd.XXXXXX)"
pids=""
cleanup() {
  for pid in $pids; do kill "$pid" 2>/dev/null || true; done
  for pid in $pids; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

wait_for() { # what, command...: up to 10 s
  what="$1"; shift
  i=0
  until "$@" >/dev/null 2>&1; do
    i=$((i + 1))
    if [ "$i" -gt 100 ]; then echo "with-fprintd: $what did not come up" >&2; exit 1; fi
    sleep 0.1
  done
}

dbus-daemon --session --address="unix:path=$work/sys.sock" --nofork --nopidfile >"$work/dbus.log" 2>&1 &
pids="$pids $!"
wait_for "the private system bus" test -S "$work/sys.sock"
export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/sys.sock"

# Debian's python3-dbusmock needs Debian's python (python3 on PATH may be a pyenv build).
/usr/bin/python3 -m dbusmock --system --template polkitd >"$work/polkit.log" 2>&1 &
pids="$pids $!"
wait_for "the mock polkit" gdbus call --system -d org.freedesktop.PolicyKit1 -o /org/freedesktop/PolicyKit1/Authority \
  -m org.freedesktop.DBus.Mock.AllowUnknown true

mkdir -p "$work/state"
FP_VIRTUAL_DEVICE="$work/fp.sock" FP_DRIVERS_WHITELIST=virtual_device STATE_DIRECTORY="$work/state" \
  /usr/libexec/fprintd -t >"$work/fprintd.log" 2>&1 &
pids="$pids $!"
wait_for "fprintd" gdbus call --system -d net.reactivated.Fprint -o /net/reactivated/Fprint/Manager \
  -m net.reactivated.Fprint.Manager.GetDefaultDevice

export CONCIERGE_FP_SOCKET="$work/fp.sock"
status=0
"$@" || status=$?
if [ "$status" -ne 0 ] && [ -n "${CONCIERGE_FPRINTD_LOG:-}" ]; then tail -30 "$work/fprintd.log" >&2; fi
exit "$status"
