using System.Collections.Immutable;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Transitions;

/// <summary>
/// The ordering logic of the transitions, run by the sequencer (the crown prince's supervisor): it moves
/// every transitional node from level to level and barrier to barrier once every member acknowledged
/// (SPEC T3–T8), and writes the table every member holds (T1). Pure: no actor, no clock, no network.
/// </summary>
/// <remarks>
/// A single sequencer makes every member see the same order without a second agreement protocol: the
/// membership already agrees on who is in and who is the crown prince, and the table travels with
/// every round, so a new crown prince carries on from its copy and re-issues the steps in flight
/// (members that already acknowledged one acknowledge it again).
/// </remarks>
internal sealed class TransitionSequencer
{
    private readonly SortedDictionary<string, TransitionEntry> entries = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, NodeRegistrations> registrations = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, LevelDefinition> levels = [];
    private readonly Dictionary<string, (ClusterMember Run, string Reason)> refusedRuns = [];
    private readonly Dictionary<int, List<TransitionStep>> started = [];
    private readonly List<ClusterMember> leavesFinished = [];
    private readonly List<(ClusterMember Node, string Reason)> refusals = [];
    private CommittedCluster cluster = CommittedCluster.None;
    private long epoch;
    private long sequence;
    private bool changed;

    // An acknowledgement that moves nothing changes only the sequencer's own copy: members learn it with
    // the next round. Sending the table after each one made a step cost m² messages instead of m.
    private bool acknowledgementsRecorded;

    private TransitionSequencer()
    {
    }

    /// <summary>Takes over from <paramref name="table"/> (the copy this node holds; empty for a new cluster).</summary>
    public static TransitionSequencer TakeOver(TransitionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sequencer = new TransitionSequencer { epoch = table.Epoch, sequence = table.Sequence };
        foreach (var entry in table.Entries)
        {
            sequencer.entries[entry.NodeId] = entry;
        }

        foreach (var registered in table.Registrations)
        {
            sequencer.registrations[registered.Node.NodeId] = registered;
        }

        return sequencer;
    }

    /// <summary>The current table.</summary>
    public TransitionTable Table => new(
        epoch,
        sequence,
        [.. levels.Values],
        [.. entries.Values],
        [.. registrations.Values]);

    /// <summary>A new committed cluster: joiners start Joining (or queue behind their old run's forced leave), departed runs are forced out.</summary>
    /// <param name="committed">The new cluster.</param>
    /// <param name="reissue">True on taking over: every step in flight is sent again (the old sequencer's rounds may not have reached everyone).</param>
    /// <param name="learned">Registrations gathered while taking over, the sequencer's own first: taken before the joins start, so a whole new cluster joins together (SPEC T5).</param>
    public SequencerOutput OnMembership(CommittedCluster committed, bool reissue, IEnumerable<NodeRegistrations>? learned = null)
    {
        ArgumentNullException.ThrowIfNull(committed);
        var previous = cluster;
        cluster = committed;
        epoch = Math.Max(epoch, committed.Epoch);
        changed = true;
        foreach (var registered in learned ?? [])
        {
            Learn(registered);
        }

        RebuildLevels();

        foreach (var entry in entries.Values.ToList())
        {
            if (entry.QueuedRun is { } queued && !committed.Contains(queued))
            {
                Put(entry with { QueuedRun = null, Note = null });
            }
        }

        foreach (var entry in entries.Values.ToList())
        {
            if (entry.State != NodeTransitionState.Inactive && !committed.Contains(entry.Run))
            {
                ForceOut(entry, $"excluded at epoch {committed.Epoch}");
            }
        }

        foreach (var member in committed.Members)
        {
            AdmitMember(member);
        }

        foreach (var entry in entries.Values.Where(entry => entry.Kind is not null && entry.Index >= 0).ToList())
        {
            if (reissue)
            {
                StartStep(entry);
            }
            else
            {
                // A member that is gone, or replaced by a new run that never got the notice, acknowledges nothing any more.
                Put(entry with { Awaiting = [.. entry.Awaiting.Where(id => SameRunStillMember(previous, id))] });
            }
        }

        return AdvanceAll();
    }

    /// <summary>A run announced its subsystems' levels; a level registered with other barriers is refused (SPEC T2).</summary>
    public SequencerOutput OnRegistrations(NodeRegistrations announced)
    {
        ArgumentNullException.ThrowIfNull(announced);
        if (!Learn(announced))
        {
            if (entries.TryGetValue(announced.Node.NodeId, out var refused) && refused.Run == announced.Node && refused.Kind is null)
            {
                Put(refused with { Note = refusedRuns[announced.Node.NodeId].Reason });
            }

            return Drain();
        }

        RebuildLevels();
        if (entries.TryGetValue(announced.Node.NodeId, out var waiting) && waiting.Run == announced.Node && waiting.State == NodeTransitionState.Joining && waiting.Kind is null)
        {
            StartJoin(waiting.Run);
        }

        return AdvanceAll();
    }

    /// <summary>A member acknowledged steps; the steps it no longer waits for are ignored (a stale or repeated acknowledgement).</summary>
    public SequencerOutput OnAcknowledged(StepsAcknowledged acknowledged)
    {
        ArgumentNullException.ThrowIfNull(acknowledged);
        if (!cluster.Contains(acknowledged.From))
        {
            return Drain();
        }

        foreach (var step in acknowledged.Steps)
        {
            if (entries.TryGetValue(step.Node.NodeId, out var entry)
                && entry.Run == step.Node
                && entry.Kind == step.Kind
                && entry.CurrentLevel == step.Level
                && entry.Barrier == step.Barrier
                && entry.Awaiting.Contains(acknowledged.From.NodeId))
            {
                Put(entry with
                {
                    Awaiting = entry.Awaiting.Remove(acknowledged.From.NodeId),
                    Acknowledged = entry.Acknowledged.Add(acknowledged.From.NodeId),
                });
                acknowledgementsRecorded = true;
            }
        }

        return AdvanceAll();
    }

    /// <summary>Starts the graceful leave of a member (SPEC T3); a joining member turns to Leaving at the next level boundary (T8).</summary>
    /// <param name="node">The run that leaves.</param>
    /// <param name="refusal">Why it cannot leave gracefully now, or null.</param>
    public SequencerOutput OnLeaveRequest(ClusterMember node, out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(node);
        refusal = null;
        if (!cluster.Contains(node) || !entries.TryGetValue(node.NodeId, out var entry) || entry.Run != node)
        {
            refusal = $"{node} is not a member of the current cluster.";
            return Drain();
        }

        switch (entry.State)
        {
            case NodeTransitionState.Joined:
                Put(Begin(entry, TransitionKind.Leave, NodeTransitionState.Leaving, [.. levels.Keys.Reverse()]));
                break;
            case NodeTransitionState.Joining when entry.Kind is null || entry.Index < 0:
                // Nothing notified yet: nothing to undo.
                Put(TransitionEntry.Settled(entry.Run, NodeTransitionState.Inactive));
                leavesFinished.Add(entry.Run);
                break;
            case NodeTransitionState.Joining:
                Put(entry with { LeaveRequested = true });
                break;
            default:
                refusal = $"{node} is {entry.State}; a graceful leave needs it Joined or Joining.";
                return Drain();
        }

        changed = true;
        return AdvanceAll();
    }

    /// <summary>Keeps <paramref name="announced"/> unless it conflicts with the cluster's levels; false (refusal noted) when it does.</summary>
    private bool Learn(NodeRegistrations announced)
    {
        var conflict = FindConflict(announced);
        if (conflict is not null)
        {
            refusals.Add((announced.Node, conflict));
            refusedRuns[announced.Node.NodeId] = (announced.Node, conflict);
            return false;
        }

        registrations[announced.Node.NodeId] = announced;
        refusedRuns.Remove(announced.Node.NodeId);
        changed = true;
        return true;
    }

    private void AdmitMember(ClusterMember member)
    {
        if (!entries.TryGetValue(member.NodeId, out var entry))
        {
            StartJoin(member);
            return;
        }

        if (entry.Run == member)
        {
            return;
        }

        if (entry.State == NodeTransitionState.Inactive)
        {
            StartJoin(member);
        }
        else if (entry.QueuedRun != member)
        {
            // SPEC T9: a new run joins only once every survivor has processed its old run's forced leave.
            Put(entry with { QueuedRun = member, Note = $"{member} waits for the forced leave of {entry.Run} to finish" });
        }
    }

    private void StartJoin(ClusterMember member)
    {
        var joining = TransitionEntry.Settled(member, NodeTransitionState.Joining);
        if (!registrations.TryGetValue(member.NodeId, out var registered) || registered.Node != member)
        {
            // Joining, but nothing notified yet: the levels it travels are known once its registrations arrive.
            var why = refusedRuns.TryGetValue(member.NodeId, out var refused) && refused.Run == member ? refused.Reason : "waiting for its subsystems' registrations";
            Put(joining with { Note = why });
            return;
        }

        Put(Begin(joining, TransitionKind.Join, NodeTransitionState.Joining, [.. levels.Keys]));
    }

    private static TransitionEntry Begin(TransitionEntry entry, TransitionKind kind, NodeTransitionState state, ImmutableArray<int> path) =>
        entry with
        {
            State = state,
            Kind = kind,
            Path = path,
            Index = -1,
            Barrier = 0,
            Awaiting = [],
            Acknowledged = [],
            LeaveRequested = false,
            Note = null,
        };

    /// <summary>SPEC T6, T7: the forced leave travels bottom-up through the levels that still hold the node, re-notifying the one that was busy with it.</summary>
    private void ForceOut(TransitionEntry entry, string why)
    {
        if (entry.State == NodeTransitionState.ForcedLeaving)
        {
            // Table 1: a forced leave allows no re-notification; only its acknowledgers change.
            return;
        }

        ImmutableArray<int> path = entry.State switch
        {
            NodeTransitionState.Joined => [.. levels.Keys],
            NodeTransitionState.Joining => [.. entry.Reached.Order()],
            NodeTransitionState.Leaving => [.. entry.Path.Where(level => !entry.Deregistered.Contains(level)).Order()],
            _ => [],
        };
        int? interrupted = entry.Kind is TransitionKind.Join or TransitionKind.Leave ? entry.CurrentLevel : null;
        Put(Begin(entry, TransitionKind.ForcedLeave, NodeTransitionState.ForcedLeaving, path) with { Interrupted = interrupted, Note = why });
    }

    private SequencerOutput AdvanceAll()
    {
        bool moved;
        do
        {
            moved = false;
            foreach (var entry in entries.Values.Where(entry => entry.Kind is not null).ToList())
            {
                moved |= Advance(entry);
            }
        }
        while (moved);

        return Drain();
    }

    /// <summary>Moves one transitional node on while nothing is awaited; true when it moved.</summary>
    private bool Advance(TransitionEntry entry)
    {
        if (entry.Kind is null || (entry.Index >= 0 && !entry.Awaiting.IsEmpty))
        {
            return false;
        }

        var kind = entry.Kind.Value;
        if (entry.Index >= 0)
        {
            var level = entry.Path[entry.Index];
            var barriers = BarriersOf(level).For(kind);
            if (entry.Barrier + 1 < barriers)
            {
                StartStep(entry with { Barrier = entry.Barrier + 1 });
                return true;
            }

            if (kind == TransitionKind.Leave)
            {
                entry = entry with { Deregistered = entry.Deregistered.Add(level) };
            }

            if (kind == TransitionKind.Join && entry.LeaveRequested)
            {
                // SPEC T8: the reversal happens here, between two levels, never inside one.
                var back = Begin(entry, TransitionKind.Leave, NodeTransitionState.Leaving, [.. entry.Reached.OrderDescending()]) with { Reached = [] };
                Put(back);
                Advance(back);
                return true;
            }
        }

        var next = entry.Index + 1;
        if (next >= entry.Path.Length)
        {
            Finish(entry, kind);
            return true;
        }

        StartStep(entry with { Index = next, Barrier = 0 });
        return true;
    }

    private void StartStep(TransitionEntry entry)
    {
        var level = entry.Path[entry.Index];
        var awaiting = Acknowledgers(level);
        var step = new TransitionStep(entry.Run, entry.Kind!.Value, level, entry.Barrier, Renotification: entry.Interrupted == level && entry.Barrier == 0);
        var reached = entry.Kind == TransitionKind.Join && !entry.Reached.Contains(level) ? entry.Reached.Add(level) : entry.Reached;
        Put(entry with { Awaiting = awaiting, Acknowledged = [], Reached = reached });
        if (!awaiting.IsEmpty)
        {
            if (!started.TryGetValue(level, out var steps))
            {
                started[level] = steps = [];
            }

            steps.RemoveAll(earlier => earlier.Node == step.Node);
            steps.Add(step);
        }

        changed = true;
    }

    private void Finish(TransitionEntry entry, TransitionKind kind)
    {
        switch (kind)
        {
            case TransitionKind.Join:
                Put(TransitionEntry.Settled(entry.Run, NodeTransitionState.Joined));
                break;
            case TransitionKind.Leave:
                Put(TransitionEntry.Settled(entry.Run, NodeTransitionState.Inactive) with { Deregistered = entry.Deregistered });
                leavesFinished.Add(entry.Run);
                break;
            default:
                Put(TransitionEntry.Settled(entry.Run, NodeTransitionState.Inactive));
                if (entry.QueuedRun is { } queued && cluster.Contains(queued))
                {
                    StartJoin(queued);
                }

                break;
        }

        changed = true;
    }

    /// <summary>The members whose subsystems take part at <paramref name="level"/>: registered there, and not de-registered by their own leave (SPEC T10).</summary>
    private ImmutableArray<string> Acknowledgers(int level) =>
    [
        .. cluster.Members
            .Where(member => registrations.TryGetValue(member.NodeId, out var registered)
                && registered.Node == member
                && registered.Levels.Any(registration => registration.Level == level)
                && !(entries.TryGetValue(member.NodeId, out var entry) && entry.Run == member && entry.Deregistered.Contains(level)))
            .Select(member => member.NodeId)
            .Order(StringComparer.Ordinal),
    ];

    private bool SameRunStillMember(CommittedCluster previous, string nodeId) =>
        cluster.Members.FirstOrDefault(member => member.NodeId == nodeId) is { } now
        && (previous.IsEmpty || previous.Members.FirstOrDefault(member => member.NodeId == nodeId) is not { } before || before == now);

    private TransitionBarriers BarriersOf(int level) => levels.TryGetValue(level, out var definition) ? definition.Barriers : TransitionBarriers.One;

    private string? FindConflict(NodeRegistrations announced)
    {
        foreach (var group in announced.Levels.GroupBy(registration => registration.Level))
        {
            if (group.Select(registration => registration.Barriers).Distinct().Count() > 1)
            {
                return $"{announced.Node} registered level {group.Key} with different barriers.";
            }

            var known = registrations.Values
                .Where(other => other.Node.NodeId != announced.Node.NodeId && cluster.Contains(other.Node))
                .SelectMany(other => other.Levels)
                .FirstOrDefault(other => other.Level == group.Key);
            if (known is not null && known.Barriers != group.First().Barriers)
            {
                return $"level {group.Key} \"{group.First().Name}\" of {announced.Node} asks for barriers ({group.First().Barriers}), but the cluster's level {group.Key} has ({known.Barriers}); every subsystem of a level must ask for the same (SPEC T2).";
            }
        }

        return null;
    }

    private void RebuildLevels()
    {
        levels.Clear();
        foreach (var registered in registrations.Values.Where(registered => cluster.Contains(registered.Node)))
        {
            foreach (var registration in registered.Levels)
            {
                var name = $"{registered.Node.NodeId}/{registration.Name}";
                levels[registration.Level] = levels.TryGetValue(registration.Level, out var definition)
                    ? definition with { Subsystems = definition.Subsystems.Add(name) }
                    : new LevelDefinition(registration.Level, registration.Barriers, [name]);
            }
        }
    }

    private void Put(TransitionEntry entry) => entries[entry.NodeId] = entry;

    private SequencerOutput Drain()
    {
        if (changed || acknowledgementsRecorded || started.Count > 0 || leavesFinished.Count > 0 || refusals.Count > 0)
        {
            sequence++;
        }

        var output = new SequencerOutput(
            [.. started.OrderBy(pair => pair.Key).Select(pair => new SequencerRound(pair.Key, [.. pair.Value]))],
            changed,
            [.. leavesFinished],
            [.. refusals]);
        started.Clear();
        leavesFinished.Clear();
        refusals.Clear();
        changed = false;
        acknowledgementsRecorded = false;
        return output;
    }
}
