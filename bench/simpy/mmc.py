#!/usr/bin/env python3
"""The M/M/c queue of bench/Caravan.Bench/Simulation/QueueBench.cs, written the idiomatic SimPy way
(one process per customer, a Resource for the servers), for the speed comparison in bench/simulate-queue.sh.

Debian ships SimPy 2.3 (module `SimPy`, the classic object API); SimPy 3/4 (module `simpy`, environments and
generators) is used instead when it is installed. Both models are the same: Poisson arrivals at rate lambda,
c servers, exponential service at rate mu, waits recorded after the warm-up customers.

Prints one JSON object: customers, seconds, customersPerSecond, cpuSeconds, customersPerCpuSecond,
meanWait, simpy (version).
"""
import argparse
import json
import random
import time


def run_simpy3(simpy, customers, warmup, servers, lam, mu, seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    server = simpy.Resource(env, capacity=servers)
    waits = []

    def customer(number):
        arrived = env.now
        with server.request() as req:
            yield req
            if number >= warmup:
                waits.append(env.now - arrived)
            yield env.timeout(rng.expovariate(mu))

    def source():
        for number in range(customers):
            env.process(customer(number))
            yield env.timeout(rng.expovariate(lam))

    env.process(source())
    env.run()
    return waits


def run_simpy2(customers, warmup, servers, lam, mu, seed):
    from SimPy.Simulation import Simulation, Process, Resource, hold, request, release

    rng = random.Random(seed)
    sim = Simulation()
    sim.initialize()
    server = Resource(capacity=servers, sim=sim, monitored=False)
    waits = []

    class Customer(Process):
        def visit(self, number):
            arrived = self.sim.now()
            yield request, self, server
            if number >= warmup:
                waits.append(self.sim.now() - arrived)
            yield hold, self, rng.expovariate(mu)
            yield release, self, server

    class Source(Process):
        def generate(self):
            for number in range(customers):
                c = Customer(sim=self.sim)
                self.sim.activate(c, c.visit(number))
                yield hold, self, rng.expovariate(lam)

    source = Source(sim=sim)
    sim.activate(source, source.generate())
    sim.simulate(until=float("inf"))
    return waits


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=2_000_000)
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--rho", type=float, default=0.9)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    mu = 1.0
    lam = args.rho * args.servers * mu
    warmup = args.customers // 10

    start = time.perf_counter()
    cpu_start = time.process_time()
    try:
        import simpy
        version = simpy.__version__ if hasattr(simpy, "__version__") else "3+"
        waits = run_simpy3(simpy, args.customers, warmup, args.servers, lam, mu, args.seed)
    except ImportError:
        import SimPy
        version = SimPy.__version__
        waits = run_simpy2(args.customers, warmup, args.servers, lam, mu, args.seed)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start

    print(json.dumps({
        "customers": args.customers,
        "seconds": seconds,
        "customersPerSecond": args.customers / seconds,
        "cpuSeconds": cpu_seconds,
        "customersPerCpuSecond": args.customers / cpu_seconds,
        "meanWait": sum(waits) / len(waits),
        "simpy": version,
    }))


if __name__ == "__main__":
    main()
