using ClusterActors.Actors;
using ClusterActors.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClusterActors.Remoting.Tests.Simulator;

/// <summary>The deterministic simulator: a remoting property over many seeds, exact replay, and a failing seed reported with its trace.</summary>
public sealed class SimulationPropertyTests(ITestOutputHelper output)
{
    private static SimulationOptions Options(SequenceLedger ledger, int seed) => new()
    {
        Seed = seed,
        NodeCount = 3,
        RegisterMessages = registry => registry.Register("test.sequenced", SimulationMessagesContext.Default.Sequenced),
        SetupNode = node => StartSequencing(node, ledger),
    };

    [Fact]
    public void Per_link_order_holds_under_lossy_faults_crashes_and_restarts_and_links_recover_after_healing()
    {
        var seeds = SimulationProperty.Seeds(defaultCount: 200);
        foreach (var seed in seeds)
        {
            var ledger = new SequenceLedger();
            SimulationProperty.Run(Options(ledger, seed), simulation => LossyScenario(simulation, ledger));
        }
    }

    [Fact]
    public void The_same_seed_replays_the_same_trace()
    {
        var first = RunLossy(seed: 42);
        var second = RunLossy(seed: 42);
        var other = RunLossy(seed: 43);

        // The digest lets two separate test runs (processes) be compared by eye: it is the same every time.
        var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', first))));
        output.WriteLine($"seed 42: {first.Count} trace lines, SHA-256 {digest}; the first 40:");
        foreach (var line in first.Take(40))
        {
            output.WriteLine(line);
        }

        Assert.True(first.Count > 100, $"The trace has only {first.Count} lines.");
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_violated_invariant_fails_the_run_naming_the_seed_and_showing_the_trace()
    {
        var ledger = new SequenceLedger();

        var failure = Assert.Throws<TestKitFailureException>(() => SimulationProperty.Run(Options(ledger, seed: 7), simulation =>
        {
            simulation.AddInvariant("no duplicates or overtaking", () => ledger.Violations.FirstOrDefault());
            simulation.Faults.Duplicate(simulation.Nodes[0].Address, simulation.Nodes[1].Address, 1.0);
            simulation.RunFor(TimeSpan.FromMilliseconds(100));
        }));

        Assert.Contains("seed 7", failure.Message, StringComparison.Ordinal);
        Assert.Contains("SIM_SEED=7", failure.Message, StringComparison.Ordinal);
        Assert.Contains("INVARIANT 'no duplicates or overtaking' VIOLATED", failure.Message, StringComparison.Ordinal);
        Assert.IsType<SimulationInvariantException>(failure.InnerException);
    }

    private static void LossyScenario(Simulation simulation, SequenceLedger ledger)
    {
        simulation.AddInvariant("per-link order", () => ledger.Violations.FirstOrDefault());
        simulation.ScheduleRandomFaults(TimeSpan.FromMilliseconds(40));
        simulation.RunFor(TimeSpan.FromMilliseconds(300));

        var victim = simulation.Nodes[simulation.Seed % simulation.Nodes.Count];
        simulation.Crash(victim);
        simulation.RunFor(TimeSpan.FromMilliseconds(100));
        simulation.Restart(victim);
        simulation.RunFor(TimeSpan.FromMilliseconds(300));

        simulation.HealAll();
        simulation.RunFor(TimeSpan.FromMilliseconds(50));
        ledger.Healed = true;
        simulation.RunFor(TimeSpan.FromMilliseconds(200));

        foreach (var receiver in simulation.Nodes)
        {
            foreach (var sender in simulation.Nodes.Where(node => node != receiver))
            {
                var count = ledger.AfterHeal.GetValueOrDefault((receiver.Name, sender.Name));
                Assert.True(count > 0, $"After healing, {receiver.Name} received nothing from {sender.Name}.");
            }
        }
    }

    private static IReadOnlyList<string> RunLossy(int seed)
    {
        var ledger = new SequenceLedger();
        return SimulationProperty.Run(Options(ledger, seed), simulation => LossyScenario(simulation, ledger));
    }

    private static void StartSequencing(SimulatedNode node, SequenceLedger ledger)
    {
        node.System.ActorOf(Props.Create(() => new SequenceReceiver(node.Name, ledger, node.Simulation)), "receiver");
        var receivers = node.Simulation.Nodes
            .Where(other => other.Name != node.Name)
            .Select(other => node.Remote.ResolveRef($"{other.Address}/user/receiver"))
            .ToList();
        node.System.ActorOf(Props.Create(() => new SequenceSender(receivers, node.Name, node.Runs)), "sender");
    }
}
