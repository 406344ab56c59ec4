#!/bin/sh
# Runs a command inside a private D-Bus session with its own unlocked gnome-keyring (a real Secret
# Service), under a throw-away HOME, so tests never touch the machine's keyring.
#   tests/e2e/with-keyring.sh COMMAND [ARGS...]
set -eu
work="$(mktemp -d -t concierge-keyring.XXXXXX)"
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/home" "$work/data" "$work/config" "$work/cache" "$work/run"
chmod 700 "$work/run"
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" \
       XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR="$work/run"
export CONCIERGE_TEST_KEYRING_PASSWORD="keyring-$$"
dbus-run-session -- sh -c '
  printf %s "$CONCIERGE_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null
  exec "$@"' sh "$@"
