using System.Collections.Immutable;
using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Transitions;
using ClusterActors.TestKit;

namespace ClusterActors.Cluster.Tests.Support;

/// <summary>
/// A simulated cluster whose nodes run the transition supervisor with scripted subsystems at the
/// given levels. Every notice, acknowledgement, de-registration and halt is recorded in simulation
/// order, so tests can read the order the text of the seed describes.
/// </summary>
public sealed class TransitionCluster
{
    private readonly Dictionary<string, ClusterTransitionsHandle> handles = [];
    private readonly Dictionary<(string Node, string Subsystem), IActorRef> actors = [];

    private TransitionCluster(ClusterSimulation membership, IReadOnlyList<SampleSubsystem> levels)
    {
        Membership = membership;
        Levels = levels;
        membership.BeforeMembership = StartTransitions;
    }

    /// <summary>The membership underneath.</summary>
    public ClusterSimulation Membership { get; }

    /// <summary>The levels every node registers (unless <see cref="LevelsFor"/> says otherwise).</summary>
    public IReadOnlyList<SampleSubsystem> Levels { get; }

    /// <summary>Per node name, other levels to register instead of <see cref="Levels"/>.</summary>
    public Dictionary<string, IReadOnlyList<SampleSubsystem>> LevelsFor { get; } = [];

    /// <summary>Decides whether a subsystem holds a notice instead of acknowledging it at once (node name, subsystem name, notice).</summary>
    public Func<string, string, TransitionNotice, bool> Hold { get; set; } = (_, _, _) => false;

    /// <summary>Everything that happened, in simulation order.</summary>
    public List<TransitionEvent> Events { get; } = [];

    /// <summary>The tables every supervisor recorded in its journal, in order.</summary>
    public List<(ClusterMember Observer, TransitionTable Table)> Journal { get; } = [];

    /// <summary>The simulation.</summary>
    public Simulation Simulation => Membership.Simulation;

    /// <summary>The nodes.</summary>
    public IReadOnlyList<SimulatedNode> Nodes => Membership.Nodes;

    /// <summary>Levels used by most tests: the seed's kernel subsystems and the event manager on top.</summary>
    public static IReadOnlyList<SampleSubsystem> SeedLevels { get; } =
    [
        .. SampleSubsystem.SeedLevels,
        new SampleSubsystem("event-manager", 100, TransitionBarriers.One, TimeSpan.Zero),
    ];

    /// <summary>Starts <paramref name="nodeCount"/> nodes with the transitions (prepare-then-start so the hook is in place).</summary>
    public static TransitionCluster Start(
        int nodeCount,
        int seed = 1,
        IReadOnlyList<SampleSubsystem>? levels = null,
        IEnumerable<int>? delayedNodes = null,
        Action<TransitionCluster>? configure = null,
        Func<SimulatedNode, MembershipSettings, MembershipSettings>? membership = null)
    {
        var cluster = Prepare(nodeCount, seed, levels, delayedNodes, membership);
        configure?.Invoke(cluster);
        Simulation.Start(cluster.Membership.Options);
        return cluster;
    }

    /// <summary>Prepares without starting: run <c>Membership.Options</c> yourself (the property runner does).</summary>
    public static TransitionCluster Prepare(
        int nodeCount,
        int seed = 1,
        IReadOnlyList<SampleSubsystem>? levels = null,
        IEnumerable<int>? delayedNodes = null,
        Func<SimulatedNode, MembershipSettings, MembershipSettings>? membership = null) =>
        new(ClusterSimulation.Prepare(nodeCount, seed, membership, delayedNodes), levels ?? SeedLevels);

    /// <summary>The node called <paramref name="name"/>.</summary>
    public SimulatedNode Node(string name) => Nodes.Single(node => node.Name == name);

    /// <summary>Acknowledges the notices held by <paramref name="subsystem"/> on <paramref name="node"/>.</summary>
    public void Release(string node, string subsystem) => actors[(node, subsystem)].Tell(ScriptedSubsystem.ReleaseAll.Instance);

    /// <summary>The local table of <paramref name="node"/>'s supervisor (what it holds, not the sequencer's).</summary>
    public TransitionsSnapshot LocalView(SimulatedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var asking = handles[node.Name].Supervisor.Ask<TransitionsSnapshot>(GetTransitions.Instance, TimeSpan.FromSeconds(5));
        Simulation.RunUntil(() => asking.IsCompleted, TimeSpan.FromSeconds(5), $"{node.Name} answering GetTransitions");
        return asking.GetAwaiter().GetResult();
    }

    /// <summary>Asks <paramref name="asked"/> for a graceful leave of <paramref name="leaving"/>.</summary>
    public MembershipCommandResult Leave(SimulatedNode asked, SimulatedNode leaving)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(leaving);
        var asking = handles[asked.Name].Client.LeaveAsync(leaving.Address);
        Simulation.RunUntil(() => asking.IsCompleted, TimeSpan.FromSeconds(5), $"{asked.Name} answering a leave");
        return asking.GetAwaiter().GetResult();
    }

    /// <summary>True when every given node's local table shows each of <paramref name="expected"/> (node name → state) and no transition in flight.</summary>
    public bool AllSettled(IEnumerable<SimulatedNode> observers, IReadOnlyDictionary<string, NodeTransitionState> expected)
    {
        foreach (var observer in observers)
        {
            var view = LocalView(observer);
            if (view.Nodes.Any(node => node.Transition is not null || (node.State == NodeTransitionState.Joining && node.Transition is null)))
            {
                return false;
            }

            foreach (var (name, state) in expected)
            {
                if (view.Nodes.FirstOrDefault(node => node.NodeId == name)?.State != state)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Steps until <see cref="AllSettled"/> holds.</summary>
    public void RunUntilSettled(IEnumerable<SimulatedNode> observers, IReadOnlyDictionary<string, NodeTransitionState> expected, TimeSpan? within = null)
    {
        var watching = observers.ToList();
        var deadline = Simulation.Elapsed + (within ?? TimeSpan.FromSeconds(20));
        while (!AllSettled(watching, expected))
        {
            if (Simulation.Elapsed > deadline)
            {
                var views = string.Join("\n", watching.Select(node => $"{node.Name}: {string.Join(", ", LocalView(node).Nodes.Select(entry => $"{entry.NodeId}={entry.State}/{entry.Transition}@{entry.Level}.{entry.Barrier} awaiting [{string.Join(",", entry.Awaiting)}] {entry.Note}"))}"));
                throw new TestKitFailureException($"seed {Simulation.Seed}: transitions did not settle at [{string.Join(", ", expected.Select(pair => $"{pair.Key}={pair.Value}"))}]:\n{views}");
            }

            Simulation.RunFor(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>The notices seen, optionally only on <paramref name="node"/>.</summary>
    public IEnumerable<TransitionEvent> Notices(string? node = null) =>
        Events.Where(evt => evt.What == TransitionEventKind.Notified && (node is null || evt.Node == node));

    /// <summary>For one transitional node and kind, the levels notified on <paramref name="observer"/>, in order, one per level and barrier.</summary>
    public IReadOnlyList<(int Level, int Barrier)> StepsSeen(string observer, string transitional, TransitionKind kind) =>
    [
        .. Notices(observer)
            .SelectMany(evt => evt.Transitions.Where(t => t.Node.NodeId == transitional && t.Kind == kind).Select(t => (evt.Level, t.Barrier)))
            .Distinct(),
    ];

    private void StartTransitions(SimulatedNode node)
    {
        var self = ClusterSimulation.Member(node);
        var journal = new RecordingJournal(this);
        var handle = ClusterTransitions.Start(node.Remote, self, journal);
        handles[node.Name] = handle;
        var levels = LevelsFor.GetValueOrDefault(node.Name, Levels);
        foreach (var level in levels)
        {
            var name = node.Name;
            var actor = node.System.ActorOf(
                Props.Create(() => new ScriptedSubsystem(this, name, node.Incarnation, level, handle.Supervisor)),
                $"subsystem-{level.Name}");
            actors[(node.Name, level.Name)] = actor;
        }
    }

    internal void Record(TransitionEvent evt)
    {
        Events.Add(evt);
        Simulation.Record(evt.ToString());
    }

    private sealed class RecordingJournal(TransitionCluster owner) : ITransitionTableJournal
    {
        public void Record(ClusterMember observer, TransitionTable table) => owner.Journal.Add((observer, table));
    }
}

/// <summary>What a scripted subsystem saw or did.</summary>
public enum TransitionEventKind
{
    /// <summary>Received a notice.</summary>
    Notified,

    /// <summary>Acknowledged a notice.</summary>
    Acknowledged,

    /// <summary>Was told its level finished the node's leave.</summary>
    Deregistered,

    /// <summary>Was told the node was forced out.</summary>
    Halted,

    /// <summary>Its registration was refused.</summary>
    Refused,
}

/// <summary>One recorded event of one subsystem.</summary>
public sealed record TransitionEvent(
    TimeSpan At,
    TransitionEventKind What,
    string Node,
    long Incarnation,
    string Subsystem,
    int Level,
    long NoticeId,
    ImmutableArray<NodeTransition> Transitions,
    ImmutableArray<NodeStateEntry> Nodes,
    string? Reason = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Node}#{Incarnation} {Subsystem}@{Level} {What} #{NoticeId} [{string.Join("; ", Transitions.Select(t => $"{t.State} {t.Node.NodeId}#{t.Node.Incarnation} b{t.Barrier}/{t.Barriers}{(t.Renotification ? " renotified" : "")}"))}]{(Reason is null ? "" : " " + Reason)}";
}

/// <summary>A subsystem that records what it sees and acknowledges at once, unless the cluster's hold rule says to wait for a release.</summary>
internal sealed class ScriptedSubsystem : ReceiveActor
{
    private readonly List<TransitionNotice> held = [];
    private readonly SampleSubsystem level;
    private readonly IActorRef supervisor;

    public ScriptedSubsystem(TransitionCluster owner, string node, long incarnation, SampleSubsystem level, IActorRef supervisor)
    {
        this.level = level;
        this.supervisor = supervisor;
        void Log(TransitionEventKind what, TransitionNotice? notice = null, string? reason = null) =>
            owner.Record(new TransitionEvent(owner.Simulation.Elapsed, what, node, incarnation, level.Name, level.Level, notice?.Id ?? 0, notice?.Transitions ?? [], notice?.Nodes ?? [], reason));

        Receive<SubsystemRegistered>(_ => { });
        Receive<SubsystemRegistrationRefused>(refused => Log(TransitionEventKind.Refused, reason: refused.Reason));
        Receive<TransitionNotice>(notice =>
        {
            Log(TransitionEventKind.Notified, notice);
            if (notice.Transitions.Any(transition => transition.Renotification))
            {
                // Table 1: a forced leave re-notification aborts the graceful work held for that node; the
                // rest of a held notice (other nodes' transitions) is finished and acknowledged.
                var forced = notice.Transitions.Where(transition => transition.Renotification).Select(transition => transition.Node).ToHashSet();
                foreach (var old in held.Where(old => old.Transitions.Any(transition => forced.Contains(transition.Node))).ToList())
                {
                    held.Remove(old);
                    Log(TransitionEventKind.Acknowledged, old);
                    supervisor.Tell(old.Acknowledgement, Self);
                }
            }

            if (owner.Hold(node, level.Name, notice))
            {
                held.Add(notice);
                return;
            }

            Log(TransitionEventKind.Acknowledged, notice);
            supervisor.Tell(notice.Acknowledgement, Self);
        });
        Receive<ReleaseAll>(_ =>
        {
            foreach (var notice in held)
            {
                Log(TransitionEventKind.Acknowledged, notice);
                supervisor.Tell(notice.Acknowledgement, Self);
            }

            held.Clear();
        });
        Receive<SubsystemDeregistered>(_ => Log(TransitionEventKind.Deregistered));
        Receive<TransitionsHalted>(halted => Log(TransitionEventKind.Halted, reason: halted.Reason));
    }

    protected override void PreStart() => supervisor.Tell(new RegisterSubsystem(level.Name, level.Level, level.Barriers), Self);

    public sealed record ReleaseAll
    {
        public static ReleaseAll Instance { get; } = new();
    }
}
