#!/usr/bin/env bash
# ctest consumer.install:   tests/consumer/run.sh BUILD_DIR SOURCE_DIR
#
# 1. cmake --install BUILD_DIR into a temp prefix, and checks what landed there (headers, SONAME,
#    an export that names no private dependency);
# 2. configures and builds tests/consumer (an outside project: find_package(Concierge 0.1 REQUIRED))
#    with only CMAKE_PREFIX_PATH=<prefix>, and checks that only the INSTALLED headers were compiled;
# 3. starts the dev IdP on a free port and runs the consumer with LD_LIBRARY_PATH unset (it finds
#    libConciergeCore through its RUNPATH, in the prefix): exit 0 and a non-empty sub.
# Environment: CONCIERGE_NODE (default: node on PATH), KEEP_TMP=1 keeps the temp dir.
set -euo pipefail
if (($# != 2)); then
  echo "usage: $0 BUILD_DIR SOURCE_DIR" >&2
  exit 2
fi
BUILD="$(cd "$1" && pwd)"
SRC="$(cd "$2" && pwd)"
NODE="${CONCIERGE_NODE:-$(command -v node)}"
unset LD_LIBRARY_PATH CMAKE_PREFIX_PATH Concierge_DIR

TMP="$(mktemp -d -t concierge-consumer.XXXXXX)"
PREFIX="$TMP/prefix"
CBUILD="$TMP/build"
IDP_PID=
cleanup() {
  if [[ -n "$IDP_PID" ]] && kill -0 "$IDP_PID" 2>/dev/null; then
    kill -TERM "$IDP_PID" 2>/dev/null || true
    wait "$IDP_PID" 2>/dev/null || true
  fi
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
fail() {
  echo "consumer.install: FAIL: $*" >&2
  exit 1
}
step() { echo "== $* ($((SECONDS))s)"; }
# Where the dynamic loader finds libConciergeCore for $1, with LD_LIBRARY_PATH unset (resolved path).
loaded_core() {
  local path
  path="$(env -u LD_LIBRARY_PATH ldd "$1" | sed -n 's/^[[:space:]]*libConciergeCore[^ ]* => \([^ ]*\) .*/\1/p')"
  [[ -n "$path" && -e "$path" ]] && realpath "$path"
}

# --- 1. install --------------------------------------------------------------------------------
step "cmake --install $BUILD --prefix $PREFIX"
cmake --install "$BUILD" --prefix "$PREFIX" >"$TMP/install.log" || { cat "$TMP/install.log"; fail "cmake --install failed"; }

LIBDIR=
for namelink in "$PREFIX"/lib*/libConciergeCore.so; do
  [[ -e "$namelink" ]] && LIBDIR="$(dirname "$namelink")" && break
done
[[ -n "$LIBDIR" ]] || fail "no lib*/libConciergeCore.so (namelink) under the prefix"
CMAKEDIR="$LIBDIR/cmake/Concierge"
for f in "$PREFIX/include/concierge/concierge_export.h" "$PREFIX/include/concierge/session.h" \
         "$CMAKEDIR/ConciergeConfig.cmake" "$CMAKEDIR/ConciergeConfigVersion.cmake" \
         "$CMAKEDIR/ConciergeTargets.cmake"; do
  [[ -f "$f" ]] || fail "not installed: ${f#"$PREFIX"/}"
done
# Every public header of the source tree is installed.
for h in "$SRC"/sdk/include/concierge/*.h; do
  [[ -f "$PREFIX/include/concierge/$(basename "$h")" ]] || fail "header not installed: $(basename "$h")"
done
soname="$(readelf -d "$LIBDIR/libConciergeCore.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
[[ "$soname" =~ ^libConciergeCore\.so\.[0-9]+$ ]] || fail "unexpected SONAME '$soname'"
[[ -e "$LIBDIR/$soname" ]] || fail "$soname is not installed"
# The exported link interface may name Qt only (the private dependencies stay inside the .so).
iface="$(grep -h 'INTERFACE_LINK_LIBRARIES' "$CMAKEDIR"/ConciergeTargets*.cmake || true)"
leaks="$(grep -oE 'OpenSSL|Qt6Keychain|qt6keychain|nlohmann|QRENCODE|qrencode|/usr/[^;"]*|concierge_core_objects' <<<"$iface" | sort -u || true)"
[[ -z "$leaks" ]] || fail "the exported Concierge targets leak link requirements: $leaks"
if grep -qF -e "$SRC" -e "$BUILD" -r "$CMAKEDIR"; then
  fail "the installed package files mention the source or build tree"
fi
if [[ -x "$PREFIX/bin/concierge" ]]; then
  env -u LD_LIBRARY_PATH "$PREFIX/bin/concierge" --version >/dev/null || fail "installed bin/concierge --version failed"
  got="$(loaded_core "$PREFIX/bin/concierge" || true)"
  [[ "$got" == "$(realpath "$LIBDIR/$soname")" ]] || fail "installed bin/concierge loads '$got', not the installed library"
fi

# The QML module, when the build has it: qmldir, type information and plugin under lib/qml/Concierge,
# the plugin finding libConciergeQml in the prefix, and a QML engine importing it from there.
if [[ -e "$LIBDIR/libConciergeQml.so" ]]; then
  QMLDIR="$LIBDIR/qml"
  for f in "$QMLDIR/Concierge/qmldir" "$QMLDIR/Concierge/Concierge.qmltypes" "$CMAKEDIR/ConciergeQmlTargets.cmake"; do
    [[ -f "$f" ]] || fail "not installed: ${f#"$PREFIX"/}"
  done
  plugin="$(ls "$QMLDIR"/Concierge/lib*plugin.so 2>/dev/null | head -n1)"
  [[ -n "$plugin" ]] || fail "no QML plugin in ${QMLDIR#"$PREFIX"/}/Concierge"
  qmllib="$(env -u LD_LIBRARY_PATH ldd "$plugin" | sed -n 's/^[[:space:]]*libConciergeQml[^ ]* => \([^ ]*\) .*/\1/p')"
  [[ -n "$qmllib" && "$(realpath "$qmllib")" == "$(realpath "$LIBDIR"/libConciergeQml.so)" ]] \
    || fail "the installed QML plugin loads '$qmllib', not the installed libConciergeQml"
  QMLTESTRUNNER="$(command -v qmltestrunner || echo /usr/lib/qt6/bin/qmltestrunner)"
  if [[ -x "$QMLTESTRUNNER" ]]; then
    step "import Concierge from ${QMLDIR#"$PREFIX"/}"
    cat >"$TMP/tst_installed.qml" <<'QML'
import QtQuick
import QtTest
import Concierge
TestCase {
    name: "InstalledModule"
    Auth { id: auth; issuer: "http://127.0.0.1:9"; clientId: "x" }
    DeviceSignIn { id: device; auth: auth }
    QrCode { id: qr; text: "installed" }
    function test_types() {
        compare(auth.state, Session.SignedOut)
        compare(device.state, DeviceSignIn.Idle)
        verify(qr.valid)
    }
}
QML
    env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen "$QMLTESTRUNNER" -import "$QMLDIR" -input "$TMP/tst_installed.qml" \
      >"$TMP/qml.log" 2>&1 || { cat "$TMP/qml.log"; fail "the installed QML module does not load"; }
  fi
fi

# --- 2. the outside project ---------------------------------------------------------------------
step "configure + build tests/consumer against $PREFIX"
cmake -S "$SRC/tests/consumer" -B "$CBUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
      >"$TMP/configure.log" 2>&1 || { cat "$TMP/configure.log"; fail "configure failed"; }
found="$(sed -n 's/^Concierge_DIR:PATH=//p' "$CBUILD/CMakeCache.txt")"
[[ "$found" == "$CMAKEDIR" ]] || fail "find_package(Concierge) used '$found', not the install"
cmake --build "$CBUILD" >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log"; fail "build failed"; }

# Only the installed headers: no -I into the SDK's trees, and every <concierge/...> header that the
# compiler actually opened (ninja's dependency log) is under the prefix.
incs="$(grep -oE '(-I|-isystem |-iquote )[^ "]+' "$CBUILD/compile_commands.json" | sort -u)"
bad="$(grep -F -e "$SRC" -e "$BUILD" <<<"$incs" || true)"
[[ -z "$bad" ]] || fail "the consumer's include path points into the SDK's source or build tree: $bad"
deps="$(cd "$CBUILD" && ninja -t deps)"
used="$(grep -E '/concierge/[a-z_]+\.h$' <<<"$deps" | sed 's/^ *//' | sort -u)"
[[ -n "$used" ]] || fail "ninja recorded no <concierge/...> header for main.cpp"
outside="$(grep -vF "$PREFIX/include/concierge/" <<<"$used" || true)"
[[ -z "$outside" ]] || fail "headers compiled from outside the install prefix: $outside"
echo "   compiled $(wc -l <<<"$used") installed <concierge/...> headers, none from the trees"
got="$(loaded_core "$CBUILD/app" || true)"
[[ "$got" == "$(realpath "$LIBDIR/$soname")" ]] || fail "the consumer loads '$got', not the installed library"

# --- 3. sign in against the dev IdP -------------------------------------------------------------
step "start the dev IdP"
mkdir -p "$TMP/idp-data"
: >"$TMP/idp.out" # exists before the first read: the IdP may not have started yet
DEV_IDP_PORT=0 DEV_IDP_DATA_DIR="$TMP/idp-data" "$SRC/dev-idp/start" >"$TMP/idp.out" 2>"$TMP/idp.err" &
IDP_PID=$!
issuer=
for _ in $(seq 1 300); do
  issuer="$(sed -n 's/^dev-idp ready issuer=\(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$TMP/idp.out")"
  [[ -n "$issuer" ]] && break
  kill -0 "$IDP_PID" 2>/dev/null || { cat "$TMP/idp.err" >&2; fail "the dev IdP exited before it was ready"; }
  sleep 0.1
done
[[ -n "$issuer" ]] || { cat "$TMP/idp.err" >&2; fail "the dev IdP was not ready within 30 s"; }

step "run the consumer against $issuer"
rc=0
env -u LD_LIBRARY_PATH "$CBUILD/app" "$issuer" "$NODE" "$SRC/tests/e2e/http-signin.mjs" \
    >"$TMP/app.out" 2>"$TMP/app.err" || rc=$?
cat "$TMP/app.out"
((rc == 0)) || { cat "$TMP/app.err" >&2; fail "the consumer exited with $rc"; }
sub="$(sed -n 's/^sub=//p' "$TMP/app.out")"
[[ -n "$sub" ]] || { cat "$TMP/app.err" >&2; fail "the consumer printed no subject"; }

kill -TERM "$IDP_PID"
idp_rc=0
wait "$IDP_PID" || idp_rc=$?
IDP_PID=
((idp_rc == 0)) || fail "the dev IdP exited with $idp_rc on SIGTERM"
step "consumer.install: PASS (sub=$sub)"
