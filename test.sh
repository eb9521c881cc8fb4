#!/usr/bin/env bash
# Runs every Caravan test on a fresh Debian machine that has only the .NET SDK.
#
# The storage and server tests run against a real PostgreSQL server that their fixture starts as a throwaway
# cluster from the server binaries (initdb, pg_ctl). When those binaries are missing, this script installs
# Debian's `postgresql` package first and says so. To use a server you already run instead, set
# CARAVAN_TEST_POSTGRES to an Npgsql connection string of a role that may CREATE DATABASE; nothing is installed then.
#
# Extra arguments go to `dotnet test`, e.g. `./test.sh --filter Planning`.
set -euo pipefail

cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

have_postgres_binaries() {
  command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

if [ -z "${CARAVAN_TEST_POSTGRES:-}" ] && ! have_postgres_binaries; then
  echo "test.sh: PostgreSQL server binaries (initdb, pg_ctl) not found; installing Debian's 'postgresql' package." >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo_cmd=(sudo)
    else
      echo "test.sh: not root and no sudo: install the 'postgresql' package yourself, or set CARAVAN_TEST_POSTGRES." >&2
      exit 1
    fi
  fi
  "${sudo_cmd[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends postgresql
  if ! have_postgres_binaries; then
    echo "test.sh: 'postgresql' was installed but no initdb was found under /usr/lib/postgresql/*/bin." >&2
    exit 1
  fi
  echo "test.sh: PostgreSQL installed: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')" >&2
fi

exec dotnet test Caravan.sln "$@"
