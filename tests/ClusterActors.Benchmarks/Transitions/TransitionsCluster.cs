using ClusterActors.Actors;
using ClusterActors.Benchmarks.Membership;
using ClusterActors.Cluster;
using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Transitions;
using ClusterActors.Persistence.Devices;
using ClusterActors.Remoting;

namespace ClusterActors.Benchmarks.Transitions;

/// <summary>
/// N nodes in this process over loopback TCP, each with its transition supervisor and one subsystem per
/// level that acknowledges at once. Nodes 2…N form the cluster first; node-1 joins last because its id
/// has the lowest priority, so the sequencer (the crown prince) stays the same member through the
/// measured join and no take-over is measured with it.
/// </summary>
internal sealed class TransitionsCluster : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);
    private readonly InProcessCluster cluster;
    private readonly List<IActorRef> supervisors = [];
    private readonly JoinWatch watch;

    private TransitionsCluster(InProcessCluster cluster, JoinWatch watch)
    {
        this.cluster = cluster;
        this.watch = watch;
    }

    private IReadOnlyList<RemoteActorSystem> Nodes => cluster.Nodes;

    /// <summary>Binds <paramref name="size"/> nodes, starts the transitions with <paramref name="levels"/> levels on each, and forms nodes 2…N.</summary>
    public static async Task<TransitionsCluster> FormAllButOneAsync(int size, int levels, TimeSpan deadline)
    {
        var bound = await InProcessCluster.BindAsync(size);
        var joiner = bound.Nodes[0].Identity.NodeId;
        var result = new TransitionsCluster(bound, new JoinWatch(joiner, size));
        try
        {
            foreach (var node in bound.Nodes)
            {
                result.StartTransitions(node, levels);
            }

            var formers = bound.Nodes.Skip(1).ToList();
            foreach (var node in formers)
            {
                ClusterMembership.Start(node, InProcessCluster.Settings(formers.Select(n => n.Address)), new InMemoryQuorumDeviceStore());
            }

            await WaitUntilAsync(result.supervisors.Skip(1), size - 1, deadline);
            return result;
        }
        catch
        {
            await result.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts node-1's membership and waits until every member's table shows it Joined. Returns the
    /// milliseconds from the first commit that admitted it (the earliest of any member) to the moment
    /// every member showed it Joined, and the transition messages all supervisors sent meanwhile.
    /// </summary>
    public async Task<(double Milliseconds, long Messages)> JoinLastAsync(TimeSpan deadline)
    {
        var before = await MessagesSentAsync();
        ClusterMembership.Start(Nodes[0], InProcessCluster.Settings(Nodes.Select(n => n.Address)), new InMemoryQuorumDeviceStore());
        await watch.TopLevelReached.WaitAsync(deadline);
        var done = await WaitUntilAsync(supervisors, Nodes.Count, deadline);
        var after = await MessagesSentAsync();
        return (TimeProvider.System.GetElapsedTime(watch.CommittedAt, done).TotalMilliseconds, after - before);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    private void StartTransitions(RemoteActorSystem node, int levels)
    {
        var self = new ClusterMember(node.Identity.NodeId, node.Address, node.Identity.Incarnation);
        var transitions = ClusterTransitions.Start(node, self, NoTransitionJournal.Instance);
        supervisors.Add(transitions.Supervisor);
        for (var level = 1; level <= levels; level++)
        {
            var atLevel = level * 10;
            var top = level == levels ? watch : null;
            node.System.ActorOf(Props.Create(() => new AcknowledgingSubsystem(atLevel, transitions.Supervisor, top)), $"subsystem-{atLevel}");
        }

        node.System.ActorOf(Props.Create(() => new CommitWatcher(watch)), "commit-watcher");
    }

    /// <summary>Polls <paramref name="asked"/> (about every millisecond) until each shows <paramref name="joined"/> nodes, all Joined; returns the timestamp of the answer that showed it.</summary>
    private static async Task<long> WaitUntilAsync(IEnumerable<IActorRef> asked, int joined, TimeSpan deadline)
    {
        var targets = asked.ToList();
        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var snapshots = await Task.WhenAll(targets.Select(s => s.Ask<TransitionsSnapshot>(GetTransitions.Instance, AskTimeout)));
            var now = TimeProvider.System.GetTimestamp();
            if (snapshots.All(s => s.Nodes.Count(n => n.State == NodeTransitionState.Joined) == joined && !s.Transitional.Any()))
            {
                return now;
            }

            if (TimeProvider.System.GetElapsedTime(start) > deadline)
            {
                throw new TimeoutException($"the transitions did not settle with {joined} nodes Joined within {deadline.TotalSeconds:0} s: " +
                    string.Join("; ", snapshots.Select(s => $"{s.AnsweredBy.NodeId}: {string.Join(", ", s.Nodes.Select(n => $"{n.NodeId} {n.State}{(n.Level is { } l ? $"@{l}" : "")}"))}")));
            }

            await Task.Delay(1);
        }
    }

    private async Task<long> MessagesSentAsync()
    {
        var snapshots = await Task.WhenAll(supervisors.Select(s => s.Ask<TransitionsSnapshot>(GetTransitions.Instance, AskTimeout)));
        return snapshots.Sum(s => s.MessagesSent);
    }

    /// <summary>When the join of one node was first committed, and when every node's top level heard of it.</summary>
    private sealed class JoinWatch(string joiner, int size)
    {
        private long committedAt;
        private int topLevelsLeft = size;
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long CommittedAt => Interlocked.Read(ref committedAt);

        public Task TopLevelReached => reached.Task;

        public void Committed(MembershipChanged changed, long at)
        {
            if (changed.Cluster.Members.Any(m => m.NodeId == joiner))
            {
                Interlocked.CompareExchange(ref committedAt, at, 0);
            }
        }

        public void Notified(TransitionNotice notice)
        {
            if (notice.Transitions.Any(t => t.Node.NodeId == joiner && t.State == NodeTransitionState.Joining) && Interlocked.Decrement(ref topLevelsLeft) == 0)
            {
                reached.TrySetResult();
            }
        }
    }

    /// <summary>A subsystem with no work: it acknowledges every notice at once; the top level also reports the joiner's notice.</summary>
    private sealed class AcknowledgingSubsystem : ReceiveActor
    {
        private readonly int level;
        private readonly IActorRef supervisor;

        public AcknowledgingSubsystem(int level, IActorRef supervisor, JoinWatch? top)
        {
            this.level = level;
            this.supervisor = supervisor;
            Receive<SubsystemRegistered>(_ => { });
            Receive<TransitionNotice>(notice =>
            {
                supervisor.Tell(notice.Acknowledgement, Self);
                top?.Notified(notice);
            });
        }

        protected override void PreStart() => supervisor.Tell(new RegisterSubsystem($"level-{level}", level, TransitionBarriers.One), Self);
    }

    private sealed class CommitWatcher : ReceiveActor
    {
        public CommitWatcher(JoinWatch watch) => Receive<MembershipChanged>(changed => watch.Committed(changed, TimeProvider.System.GetTimestamp()));

        protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(MembershipChanged));
    }
}
