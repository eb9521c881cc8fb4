using BenchmarkDotNet.Running;
using Caravan.Bench.Planning;
using Caravan.Bench.Simulation;

// dotnet run -c Release --project bench/Caravan.Bench -- <command> [options]
//   plan   planner latency and the time-expanded baseline (Planning/PlanLatencyBench.cs)
//   queue  simulation engine throughput on M/M/c (Simulation/QueueBench.cs)
//   scenario  corridor model speed on goal-10mt, one replication and many on all cores (Simulation/ScenarioBench.cs)
//   soak   two servers on one PostgreSQL, mixed load, one SIGKILLed every 2 minutes for 10 (Soak/SoakBench.cs)
//   other  BenchmarkDotNet's switcher over the [Benchmark] classes in this assembly (e.g. --filter '*')
string command = args.Length > 0 ? args[0] : "";
string[] rest = args.Skip(1).ToArray();
return command switch
{
    "plan" => PlanLatencyBench.Run(rest),
    "queue" => QueueBench.Run(rest),
    "scenario" => ScenarioBench.Run(rest),
    "booking" => Caravan.Bench.Booking.BookingThroughputBench.Run(rest),
    "soak" => Caravan.Bench.Soak.SoakBench.Run(rest),
    _ => RunSwitcher(args),
};

static int RunSwitcher(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(PlanLatencyBench).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
}
