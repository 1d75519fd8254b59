using System.Globalization;

namespace ClusterActors.TestKit;

/// <summary>Runs a simulation scenario over many seeds; a failing seed is reported with its trace and how to replay it.</summary>
/// <remarks>
/// <c>SIM_SEEDS</c> (environment) sets how many seeds each property runs (CI keeps the defaults, a long
/// local run sets thousands); <c>SIM_SEED</c> runs one seed only, to replay a failure.
/// </remarks>
public static class SimulationProperty
{
    /// <summary>The environment variable that sets how many seeds a property runs.</summary>
    public const string SeedsVariable = "SIM_SEEDS";

    /// <summary>The environment variable that replays one seed.</summary>
    public const string SeedVariable = "SIM_SEED";

    private const int TraceLinesShown = 200;

    /// <summary>The seeds a property runs: <c>SIM_SEED</c> alone if set, else 1..<c>SIM_SEEDS</c> (default <paramref name="defaultCount"/>).</summary>
    public static IReadOnlyList<int> Seeds(int defaultCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(defaultCount, 1);
        if (ReadVariable(SeedVariable) is { } single)
        {
            return [single];
        }

        var count = ReadVariable(SeedsVariable) ?? defaultCount;
        return count < 1
            ? throw new InvalidOperationException($"{SeedsVariable}={count}: a property needs at least one seed.")
            : Enumerable.Range(1, count).ToList();
    }

    /// <summary>Runs <paramref name="scenario"/> on a simulation started from <paramref name="options"/> for every seed; returns the number of seeds run.</summary>
    /// <exception cref="TestKitFailureException">A seed failed: the message names it, the failure, and the end of its trace.</exception>
    public static int ForAllSeeds(SimulationOptions options, Action<Simulation> scenario, int defaultCount = 100)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scenario);
        var seeds = Seeds(defaultCount);
        foreach (var seed in seeds)
        {
            Run(options with { Seed = seed }, scenario);
        }

        return seeds.Count;
    }

    /// <summary>Runs <paramref name="scenario"/> once for <paramref name="options"/>' seed and returns the trace.</summary>
    /// <exception cref="TestKitFailureException">The run failed: the message names the seed, the failure, and the end of the trace.</exception>
    public static IReadOnlyList<string> Run(SimulationOptions options, Action<Simulation> scenario)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scenario);
        Simulation? simulation = null;
        try
        {
            simulation = Simulation.Start(options);
            scenario(simulation);
            return simulation.Trace;
        }
        catch (Exception error)
        {
            var trace = simulation?.Trace ?? [];
            var shown = trace.Skip(Math.Max(0, trace.Count - TraceLinesShown));
            throw new TestKitFailureException(
                string.Create(CultureInfo.InvariantCulture, $"Simulation seed {options.Seed} failed: {error.Message}{Environment.NewLine}Replay it alone with {SeedVariable}={options.Seed}. Last {Math.Min(trace.Count, TraceLinesShown)} of {trace.Count} trace lines:{Environment.NewLine}") + string.Join(Environment.NewLine, shown),
                error);
        }
    }

    private static int? ReadVariable(string name)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{name}='{text}' is not a whole number.");
    }
}
