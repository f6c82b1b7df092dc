#!/usr/bin/env bash
# Install OpenLink Virtuoso 7 open source from the Debian packages, without prompts and
# without starting the packaged system service (the tests and benchmarks run their own
# private server from a temporary folder; see src/usmxkg/store_virtuoso.py).
#
# Idempotent: exits at once when virtuoso-t and isql-vt are already installed.
# Runs as root, or through `sudo -n` when that works without a password; otherwise it
# says so and exits 1 (the Virtuoso tests then skip with that reason).
set -euo pipefail

PACKAGE=virtuoso-opensource
PREFIX=virtuoso-opensource-7

if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
    echo "virtuoso: already installed ($(command -v virtuoso-t))"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    AS_ROOT=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    AS_ROOT=(sudo -n)
else
    echo "virtuoso: cannot install $PACKAGE: needs root or password-less sudo" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "virtuoso: cannot install $PACKAGE: no apt-get (Debian or Ubuntu needed)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Debconf answers (the package's templates): no password for the packaged database, which
# leaves its service disabled; the default ports; no ODBC data source.
"${AS_ROOT[@]}" debconf-set-selections <<SELECTIONS
$PREFIX $PREFIX/dba-password password
$PREFIX $PREFIX/dba-password-again password
$PREFIX $PREFIX/http-server-port string 8890
$PREFIX $PREFIX/db-server-port string 1111
$PREFIX $PREFIX/register-odbc-dsn boolean false
$PREFIX $PREFIX/error-setting-password note
$PREFIX $PREFIX/note-disabled note
SELECTIONS

# invoke-rc.d consults policy-rc.d: exit 101 means "do not start services" (Debian
# policy, /usr/share/doc/init-system-helpers/README.policy-rc.d). An existing policy stays.
POLICY=/usr/sbin/policy-rc.d
made_policy=no
if [ ! -e "$POLICY" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${AS_ROOT[@]}" tee "$POLICY" >/dev/null
    "${AS_ROOT[@]}" chmod 755 "$POLICY"
    made_policy=yes
fi
cleanup() { if [ "$made_policy" = yes ]; then "${AS_ROOT[@]}" rm -f "$POLICY"; fi; }
trap cleanup EXIT

"${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$PACKAGE" >/dev/null

command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null
echo "virtuoso: installed $(dpkg-query -W -f '${Version}' "$PREFIX-bin") ($(command -v virtuoso-t))"
