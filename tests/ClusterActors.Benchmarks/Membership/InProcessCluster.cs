using ClusterActors.Actors;
using ClusterActors.Cluster;
using ClusterActors.Cluster.Membership;
using ClusterActors.Persistence.Devices;
using ClusterActors.Remoting;

namespace ClusterActors.Benchmarks.Membership;

/// <summary>N nodes in this process, each on its own loopback TCP port with the default reconfiguration timing; every node lists every node as a seed. The transitions benchmark binds its nodes here too.</summary>
internal sealed class InProcessCluster : IAsyncDisposable
{
    private static readonly ClusterSecret Secret = ClusterSecret.FromText("membership-benchmark-secret");
    private readonly List<RemoteActorSystem> nodes;
    private readonly List<ClusterMembershipHandle> handles = [];
    private readonly List<CommitWatch> watches = [];

    private InProcessCluster(List<RemoteActorSystem> nodes) => this.nodes = nodes;

    /// <summary>The nodes' membership handles, in start order.</summary>
    public IReadOnlyList<ClusterMembershipHandle> Handles => handles;

    /// <summary>The bound nodes, node-1 first.</summary>
    public IReadOnlyList<RemoteActorSystem> Nodes => nodes;

    /// <summary>
    /// Default reconfiguration timing with keep-alives slowed down: N nodes in one process on two cores
    /// carry N times the keep-alive load a node has on its own machine, and at 50 nodes that load alone
    /// (24,500 messages/s) starves rounds into timing out. Forming, downing and transitions never wait
    /// for a keep-alive, so the figures do not depend on it.
    /// </summary>
    public static MembershipSettings Settings(IEnumerable<Address> seeds) => new()
    {
        SeedNodes = [.. seeds],
        RandomSeed = 7,
        HeartbeatInterval = TimeSpan.FromSeconds(1),
        CommunicationTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Binds <paramref name="count"/> nodes (no membership yet: their seed lists need every address).</summary>
    public static async Task<InProcessCluster> BindAsync(int count)
    {
        var nodes = new List<RemoteActorSystem>();
        for (var i = 1; i <= count; i++)
        {
            var registry = new MessageTypeRegistry();
            ClusterMembership.RegisterMessages(registry);
            ClusterTransitions.RegisterMessages(registry);
            var transport = new TcpTransport(new TcpTransportSettings
            {
                SystemName = "bench",
                NodeId = $"node-{i}",
                Incarnation = NodeIncarnation.New(CryptoRandomSource.Instance),
                SoftwareVersion = "0.1.0",
                Secret = Secret,
            });
            nodes.Add(await RemoteActorSystem.StartAsync("bench", transport, registry));
        }

        return new InProcessCluster(nodes);
    }

    /// <summary>Starts every node's membership at once; the returned task completes when every node has committed a cluster of all <c>count</c> nodes.</summary>
    public Task StartAndWaitFormedAsync()
    {
        var settings = Settings(nodes.Select(node => node.Address));
        foreach (var node in nodes)
        {
            var watch = new CommitWatch(nodes.Count);
            watches.Add(watch);
            var watcher = node.System.ActorOf(Props.Create(() => new CommitWatcher(watch)));
            node.System.EventStream.Subscribe(watcher, typeof(MembershipChanged));
            handles.Add(ClusterMembership.Start(node, settings, new InMemoryQuorumDeviceStore()));
        }

        return Task.WhenAll(watches.Select(watch => watch.Formed.Task));
    }

    /// <summary>Downs the last node from the first; completes with the reconfiguration and proposal messages all survivors sent in the round that removed it.</summary>
    public async Task<int> DownLastAndCountMessagesAsync()
    {
        foreach (var watch in watches)
        {
            watch.Expect(nodes.Count - 1);
        }

        await handles[0].Client.DownAsync(nodes[^1].Address);
        var commits = await Task.WhenAll(watches.Take(nodes.Count - 1).Select(watch => watch.Formed.Task));
        return commits.Sum(commit => commit.MessagesSent);
    }

    /// <summary>What the nodes report now, grouped: for a failure message when they do not agree in time.</summary>
    public async Task<string> DescribeAsync()
    {
        var states = await Task.WhenAll(handles.Select(handle => handle.Client.GetStateAsync()));
        return string.Join("; ", states
            .GroupBy(state => $"{state.Status} epoch {state.Epoch} with {state.Members.Length} members: {state.Reason}")
            .Select(group => $"{group.Count()} nodes {group.Key}"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Task.WhenAll(nodes.Select(node => node.ShutdownAsync()));

    /// <summary>Completes when a node commits a cluster of the expected size.</summary>
    private sealed class CommitWatch(int expected)
    {
        private int size = expected;

        public TaskCompletionSource<MembershipChanged> Formed { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Expect(int members)
        {
            Volatile.Write(ref size, members);
            Formed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Saw(MembershipChanged changed)
        {
            if (changed.Cluster.Members.Length == Volatile.Read(ref size))
            {
                Formed.TrySetResult(changed);
            }
        }
    }

    private sealed class CommitWatcher : ReceiveActor
    {
        public CommitWatcher(CommitWatch watch) => Receive<MembershipChanged>(watch.Saw);
    }
}
