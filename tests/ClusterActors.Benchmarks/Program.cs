using ClusterActors.Benchmarks.Distress;
using ClusterActors.Benchmarks.Harness;
using ClusterActors.Benchmarks.Kernel;
using ClusterActors.Benchmarks.Membership;
using ClusterActors.Benchmarks.Remoting;
using ClusterActors.Benchmarks.Transitions;

// Usage: dotnet run -c Release --project tests/ClusterActors.Benchmarks -- SUITE [--quick] [--default-pool]
var suites = new Dictionary<string, Func<BenchmarkOptions, BenchmarkReport, Task>>(StringComparer.Ordinal)
{
    ["kernel"] = KernelSuite.RunAsync,
    ["remoting"] = RemotingSuite.RunAsync,
    ["membership"] = MembershipSuite.RunAsync,
    ["transitions"] = TransitionsSuite.RunAsync,
    ["distress"] = DistressSuite.RunAsync,
};

var flags = new[] { "--quick", "--default-pool" };
var quick = args.Contains("--quick");
var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var unknownFlags = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && !flags.Contains(a)).ToList();
if (names.Count == 0 || unknownFlags.Count > 0 || names.Any(n => !suites.ContainsKey(n)))
{
    await Console.Error.WriteLineAsync($"usage: ClusterActors.Benchmarks SUITE... [--quick] [--default-pool]   (suites: {string.Join(", ", suites.Keys)})");
    if (unknownFlags.Count > 0)
    {
        await Console.Error.WriteLineAsync($"unknown option(s): {string.Join(", ", unknownFlags)}");
    }

    foreach (var unknown in names.Where(n => !suites.ContainsKey(n)))
    {
        await Console.Error.WriteLineAsync($"unknown suite: {unknown}");
    }

    return 2;
}

#if DEBUG
await Console.Error.WriteLineAsync("warning: a Debug build; figures are only meaningful with -c Release");
#endif
await Console.Error.WriteLineAsync(args.Contains("--default-pool") ? ThreadPoolPin.Default() : ThreadPoolPin.Apply(Environment.ProcessorCount + 1));
var options = new BenchmarkOptions(quick);
foreach (var name in names)
{
    await suites[name](options, new BenchmarkReport(name, Console.Out, Console.Error));
}

return 0;
