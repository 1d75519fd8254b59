using System.Collections.Immutable;
using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Heartbeat;

/// <summary>A keep-alive from one member to another, carrying the sender's epoch (SPEC M11).</summary>
public sealed record KeepAlive(ClusterMember From, long Epoch);

/// <summary>
/// Sends keep-alives to every other member at the heartbeat interval and tells the membership
/// coordinator about members not heard from within the communication timeout (SPEC M7, M11), at
/// <c>/system/heartbeat</c>.
/// </summary>
/// <remarks>
/// Any keep-alive from a member counts, whatever the epoch; a different epoch is reported too,
/// because it means one side missed a commit and a new reconfiguration should settle it.
/// </remarks>
public sealed class HeartbeatDetector : ReceiveActor
{
    /// <summary>The detector's name under <c>/system</c>.</summary>
    public const string Name = "heartbeat";

    private readonly MembershipSettings settings;
    private readonly ClusterMember self;
    private readonly IMembershipNetwork network;
    private readonly Dictionary<ClusterMember, long> lastHeard = [];
    private readonly HashSet<ClusterMember> reported = [];
    // When each member's different epoch was last reported: again after a communication timeout, since
    // the coordinator ignores the report while it is busy with a round and must hear it once more later.
    private readonly Dictionary<ClusterMember, long> epochReportedAt = [];
    private CommittedCluster cluster = CommittedCluster.None;
    private IActorRef coordinator = ActorRefs.Nobody;

    /// <summary>Creates the detector of <paramref name="self"/>.</summary>
    public HeartbeatDetector(MembershipSettings settings, ClusterMember self, IMembershipNetwork network)
    {
        this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
        this.self = self ?? throw new ArgumentNullException(nameof(self));
        this.network = network ?? throw new ArgumentNullException(nameof(network));

        Receive<MonitorMembers>(OnMonitor);
        Receive<KeepAlive>(OnKeepAlive);
        Receive<Tick>(_ => OnTick());
    }

    private static TimeProvider Time => Context.System.TimeProvider;

    private void OnMonitor(MonitorMembers message)
    {
        coordinator = Sender;
        cluster = message.Cluster;
        var now = Time.GetTimestamp();

        // New members get a full timeout of grace from now; members gone are forgotten.
        foreach (var member in lastHeard.Keys.Where(member => !cluster.Contains(member)).ToList())
        {
            lastHeard.Remove(member);
        }

        reported.Clear();
        epochReportedAt.Clear();
        foreach (var member in Others())
        {
            lastHeard[member] = now;
        }

        if (Others().Any())
        {
            if (!Context.Timers.IsTimerActive(Tick.Instance))
            {
                Context.Timers.StartPeriodicTimer(Tick.Instance, Tick.Instance, settings.HeartbeatInterval);
                SendKeepAlives();
            }
        }
        else
        {
            Context.Timers.Cancel(Tick.Instance);
        }
    }

    private IEnumerable<ClusterMember> Others() => cluster.IsEmpty ? [] : cluster.Members.Where(member => member != self);

    private void OnKeepAlive(KeepAlive message)
    {
        if (!cluster.Contains(message.From))
        {
            return;
        }

        var now = Time.GetTimestamp();
        lastHeard[message.From] = now;
        if (reported.Remove(message.From))
        {
            coordinator.Tell(new MemberReachable(message.From));
        }

        if (message.Epoch != cluster.Epoch
            && (!epochReportedAt.TryGetValue(message.From, out var last) || Time.GetElapsedTime(last, now) > settings.CommunicationTimeout))
        {
            epochReportedAt[message.From] = now;
            coordinator.Tell(new PeerEpochDiffers(message.From, message.Epoch));
        }
    }

    private void OnTick()
    {
        SendKeepAlives();
        var now = Time.GetTimestamp();
        var silent = Others()
            .Where(member => Time.GetElapsedTime(lastHeard.GetValueOrDefault(member, now), now) > settings.CommunicationTimeout && reported.Add(member))
            .ToImmutableArray();
        if (silent.Length > 0)
        {
            coordinator.Tell(new MembersUnreachable(silent));
        }
    }

    private void SendKeepAlives()
    {
        var keepAlive = new KeepAlive(self, cluster.Epoch);
        foreach (var member in Others())
        {
            network.Send(member.Address, keepAlive);
        }
    }

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
