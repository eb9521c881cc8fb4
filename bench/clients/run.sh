#!/usr/bin/env bash
# Generated clients work without hand fixes: builds clients from docs/openapi.json with Kiota (C#) and
# openapi-typescript (TypeScript, checked by tsc), starts `caravan serve` on a fresh SQLite store on loopback, and runs
# the booking flow through each (an admin makes a shipper and its key; plan, book, confirm, list, cancel).
#
# Not run by CI or test.sh: it downloads Kiota (a .NET tool), the Kiota libraries and npm packages through the
# default NuGet and npm configuration. Needs the .NET SDK and Node 20 with npm.
#   bench/clients/run.sh            # both clients
#   bench/clients/run.sh csharp     # or typescript: one of them
# The scratch folder (generated code, store, logs) is printed and kept for inspection; set KEEP=0 to remove it.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/bench/clients"
which="${1:-all}"
work="$(mktemp -d -t caravan-clients.XXXXXX)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 KIOTA_TUTORIAL_ENABLED=false KIOTA_OFFLINE_ENABLED=true
echo "run.sh: scratch folder $work"

server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ "${KEEP:-1}" = "0" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== building caravan"
dotnet build "$root/src/Caravan.Cli" -c Release -o "$work/caravan" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

port="${PORT:-$((20000 + RANDOM % 20000))}"
base="http://127.0.0.1:$port"
echo "== caravan serve on $base"
dotnet "$work/caravan/caravan.dll" serve --urls "$base" --db "Data Source=$work/caravan.db" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do grep -q "Caravan API on" "$work/serve.log" && break; sleep 0.5; done
admin_key="$(sed -n 's/^Admin API key (shown once, keep it safe): //p' "$work/serve.log")"
[ -n "$admin_key" ] || { echo "run.sh: no admin key printed"; cat "$work/serve.log"; exit 1; }

status=0
if [ "$which" = all ] || [ "$which" = csharp ]; then
  echo "== C#: Kiota"
  dotnet tool install --tool-path "$work/tools" Microsoft.OpenApi.Kiota --version 1.38.0 >"$work/kiota-install.log" 2>&1 \
    || { cat "$work/kiota-install.log"; exit 1; }
  mkdir -p "$work/csharp"
  cp "$here/csharp/CaravanFlow.csproj" "$here/csharp/Program.cs" "$work/csharp/"
  "$work/tools/kiota" generate -l CSharp -d "$root/docs/openapi.json" -o "$work/csharp/Client" -c CaravanClient -n Caravan.Client \
    --exclude-backward-compatible --clean-output --log-level Warning
  # Built outside the repository, so that its Directory.Build.props does not apply: the project states its own rules.
  (cd "$work/csharp" && dotnet build -v q -nologo -o out && dotnet out/CaravanFlow.dll "$base" "$admin_key") || status=1
fi

if [ "$which" = all ] || [ "$which" = typescript ]; then
  echo "== TypeScript: openapi-typescript + tsc + fetch"
  mkdir -p "$work/typescript"
  cp "$here/typescript/package.json" "$here/typescript/tsconfig.json" "$here/typescript/flow.ts" "$work/typescript/"
  (cd "$work/typescript" \
    && npm install --no-audit --no-fund --loglevel=error \
    && npx openapi-typescript "$root/docs/openapi.json" -o schema.d.ts \
    && npx tsc --noEmit && echo "tsc --noEmit: no errors" \
    && npx tsc && node out/flow.js "$base" "$admin_key") || status=1
fi

[ "$status" = 0 ] && echo "run.sh: every client ran the flow" || echo "run.sh: a client failed (see above; logs in $work)"
exit "$status"
