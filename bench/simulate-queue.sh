#!/usr/bin/env bash
# Speed of Caravan's simulation engine against SimPy on the same model, timed in the same run:
# the M/M/2 queue at rho = 0.9 with 2,000,000 customers, one thread each. Goals: >= 10 million customers/s
# for Caravan and >= 70x SimPy. See docs/simulation-engine.md.
#
# Usage: bench/simulate-queue.sh            (CUSTOMERS=500000 bench/simulate-queue.sh for a quicker look)
# Needs: the .NET SDK; Debian's python3-simpy (installed here with apt-get if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS="${CUSTOMERS:-2000000}"
BENCH_PROJECT="${BENCH_PROJECT:-bench/Caravan.Bench}"
PYTHON=/usr/bin/python3

# Debian's package is SimPy 2.3 (module "SimPy"); a SimPy 3/4 install (module "simpy") is used if present.
if ! "$PYTHON" -c 'import simpy' 2>/dev/null && ! "$PYTHON" -c 'import SimPy' 2>/dev/null; then
  echo "Installing Debian's python3-simpy ..." >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y python3-simpy >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y python3-simpy >/dev/null; }
fi

# Other processes on the machine slow the wall clock, not the CPU clock: the load average says how busy it was.
load() { echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown))"; }

echo "== Caravan engine (dotnet run -c Release --project $BENCH_PROJECT -- queue --customers $CUSTOMERS) $(load)"
dotnet build -c Release "$BENCH_PROJECT" -nologo -v quiet >/dev/null
caravan_out="$(dotnet run -c Release --no-build --project "$BENCH_PROJECT" -- queue --customers "$CUSTOMERS")"
echo "$caravan_out"
caravan_rate="$(sed -n 's/^caravan_customers_per_second=\([0-9]*\).*/\1/p' <<<"$caravan_out")"
caravan_cpu_rate="$(sed -n 's/^caravan_customers_per_cpu_second=\([0-9]*\).*/\1/p' <<<"$caravan_out")"
if [ -z "$caravan_rate" ]; then
  echo "error: the bench printed no figure; does bench/Caravan.Bench/Program.cs dispatch 'queue' to Caravan.Bench.Simulation.QueueBench.Run?" >&2
  exit 1
fi

echo
echo "== SimPy ($PYTHON bench/simpy/mmc.py --customers $CUSTOMERS) $(load)"
simpy_out="$("$PYTHON" bench/simpy/mmc.py --customers "$CUSTOMERS")"
echo "$simpy_out"
read -r simpy_rate simpy_cpu_rate < <("$PYTHON" -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["customersPerSecond"], d["customersPerCpuSecond"])' "$simpy_out")

echo
"$PYTHON" - "$caravan_rate" "$caravan_cpu_rate" "$simpy_rate" "$simpy_cpu_rate" <<'PY'
import sys
caravan, caravan_cpu, simpy, simpy_cpu = map(float, sys.argv[1:])
print(f"Caravan: {caravan/1e6:.2f} M customers/s wall ({caravan_cpu/1e6:.2f} M per CPU-second)   goal >= 10 M/s: {'met' if caravan >= 10e6 else 'NOT met'}")
print(f"SimPy:   {simpy/1e3:.1f} k customers/s wall ({simpy_cpu/1e3:.1f} k per CPU-second)")
print(f"Ratio:   {caravan/simpy:.0f}x wall-clock ({caravan_cpu/simpy_cpu:.0f}x CPU time)   goal >= 70x: {'met' if caravan/simpy >= 70 else 'NOT met'}")
PY
