using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Tests.Support;
using ClusterActors.Cluster.Transitions;
using ClusterActors.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace ClusterActors.Cluster.Tests.Transitions;

/// <summary>The transitions over many seeds with concurrent joins, graceful leaves and crashes.</summary>
public sealed class TransitionPropertyTests(ITestOutputHelper output)
{
    private const int Nodes = 4;

    [Fact]
    public void T1_T4_T5_under_random_joins_leaves_and_crashes_levels_stay_ordered_and_every_survivor_settles_on_the_same_states()
    {
        var seeds = SimulationProperty.Seeds(defaultCount: 40);
        var totals = (Notices: 0, Forced: 0, Leaves: 0);
        foreach (var seed in seeds)
        {
            var cluster = TransitionCluster.Prepare(Nodes, seed, delayedNodes: [3]);
            SimulationProperty.Run(cluster.Membership.Options, _ =>
            {
                var (notices, forced, leaves) = Scenario(cluster, seed);
                totals = (totals.Notices + notices, totals.Forced + forced, totals.Leaves + leaves);
            });
        }

        output.WriteLine($"{seeds.Count} seeds: {totals.Notices} notices, {totals.Forced} forced-leave notices, {totals.Leaves} graceful-leave notices");
        Assert.True(totals.Forced > 0, "No forced leave happened: the property tested no crash.");
        Assert.True(totals.Leaves > 0, "No graceful leave happened: the property tested no leave.");
    }

    private static (int Notices, int Forced, int Leaves) Scenario(TransitionCluster cluster, int seed)
    {
        var simulation = cluster.Simulation;
        var dice = new Random(seed);
        cluster.Membership.RunUntilAgreed(TimeSpan.FromSeconds(10), [.. cluster.Nodes.Take(3)]);
        var late = cluster.Nodes[3];
        var lateStarted = false;
        for (var step = 0; step < 8; step++)
        {
            simulation.RunFor(TimeSpan.FromMilliseconds(dice.Next(40)));
            var node = cluster.Nodes[dice.Next(Nodes)];
            switch (dice.Next(4))
            {
                case 0 when node == late && node.IsRunning && !lateStarted:
                    lateStarted = true;
                    cluster.Membership.StartMembership(node);
                    break;
                case 1 when node.IsRunning && cluster.Nodes.Count(n => n.IsRunning) > 2:
                    simulation.Crash(node);
                    break;
                case 2 when node.IsRunning && !cluster.Membership.LastOf(node).Stopped && !cluster.Membership.LastOf(node).Cluster.IsEmpty:
                    cluster.Leave(node, node);
                    break;
                case 3 when !node.IsRunning:
                    // A restarted late node starts its membership by itself (it is no longer held back).
                    lateStarted |= node == late;
                    simulation.Restart(node);
                    break;
            }
        }

        // Faults stop: crashed nodes, nodes that stopped or left come back as new runs, as a supervisor would
        // restart them; a leave asked late may still be finishing, so repeat until everyone is joined.
        var allJoined = cluster.Nodes.ToDictionary(node => node.Name, _ => NodeTransitionState.Joined);
        for (var attempt = 0; attempt < 5 && !(cluster.Membership.Agreed([.. cluster.Nodes]) && cluster.AllSettled(cluster.Nodes, allJoined)); attempt++)
        {
            simulation.RunFor(TimeSpan.FromSeconds(3));
            if (!lateStarted && late.IsRunning)
            {
                cluster.Membership.StartMembership(late);
            }

            lateStarted = true;
            foreach (var node in cluster.Nodes)
            {
                if (node.IsRunning && (cluster.Membership.LastOf(node).Stopped || cluster.Membership.LastOf(node).Cluster.IsEmpty))
                {
                    simulation.Crash(node);
                }

                if (!node.IsRunning)
                {
                    simulation.Restart(node);
                }
            }

            cluster.Membership.RunUntilAllAgreedRestartingExcluded(TimeSpan.FromSeconds(30));
            simulation.RunFor(TimeSpan.FromSeconds(2));
        }

        cluster.RunUntilSettled(cluster.Nodes, allJoined, TimeSpan.FromSeconds(30));

        // Every member holds the same table (T1).
        var views = cluster.Nodes.Select(node => string.Join(";", cluster.LocalView(node).Nodes.Select(entry => $"{entry.NodeId}#{entry.Run.Incarnation}={entry.State}"))).Distinct().ToList();
        Assert.True(views.Count == 1, $"seed {seed}: the members hold different tables:\n{string.Join("\n", views)}");

        AssertLevelsInOrder(cluster, seed);
        var notices = cluster.Notices().ToList();
        return (notices.Count, notices.Count(evt => evt.Transitions.Any(t => t.Kind == TransitionKind.ForcedLeave)), notices.Count(evt => evt.Transitions.Any(t => t.Kind == TransitionKind.Leave)));
    }

    /// <summary>
    /// SPEC T4, T5: for each transitional run and kind, no step is notified anywhere before every run
    /// that received the step before it — and was still serving — acknowledged it.
    /// </summary>
    private static void AssertLevelsInOrder(TransitionCluster cluster, int seed)
    {
        var events = cluster.Events;
        var ended = new Dictionary<(string Node, long Run), int>();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].What == TransitionEventKind.Halted)
            {
                ended.TryAdd((events[i].Node, events[i].Incarnation), i);
            }
        }

        var byTransition = events
            .Select((evt, index) => (evt, index))
            .Where(pair => pair.evt.What == TransitionEventKind.Notified)
            .SelectMany(pair => pair.evt.Transitions.Select(t => (Key: (t.Node, t.Kind), Step: (pair.evt.Level, t.Barrier), pair.evt, pair.index)))
            .GroupBy(item => item.Key);
        foreach (var transition in byTransition)
        {
            var steps = transition.Select(item => item.Step).Distinct().ToList();
            for (var s = 1; s < steps.Count; s++)
            {
                var firstOfNext = transition.Where(item => item.Step == steps[s]).Min(item => item.index);
                foreach (var earlier in transition.Where(item => item.Step == steps[s - 1]))
                {
                    var acked = events.Take(firstOfNext).Any(evt => evt.What == TransitionEventKind.Acknowledged && evt.Node == earlier.evt.Node && evt.Incarnation == earlier.evt.Incarnation && evt.NoticeId == earlier.evt.NoticeId);
                    var gone = !IsAliveAt(cluster, earlier.evt, firstOfNext, ended);
                    Assert.True(acked || gone, $"seed {seed}: {transition.Key.Kind} of {transition.Key.Node} reached level {steps[s].Level} barrier {steps[s].Barrier} before {earlier.evt.Node}#{earlier.evt.Incarnation} acknowledged level {steps[s - 1].Level}");
                }
            }
        }
    }

    private static bool IsAliveAt(TransitionCluster cluster, TransitionEvent evt, int index, Dictionary<(string Node, long Run), int> ended)
    {
        // A run that crashed, halted, stopped or left is no longer awaited; only a current run that kept serving must have acknowledged.
        if (ended.TryGetValue((evt.Node, evt.Incarnation), out var halt) && halt < index)
        {
            return false;
        }

        var node = cluster.Node(evt.Node);
        var run = new ClusterMember(evt.Node, node.Address, evt.Incarnation);
        return node.IsRunning && node.Incarnation == evt.Incarnation
            && !cluster.Membership.Stops.Any(stop => stop.Self == run)
            && cluster.Membership.LastOf(node).Cluster.Contains(run);
    }
}
