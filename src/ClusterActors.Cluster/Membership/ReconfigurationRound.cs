using System.Collections.Immutable;
using ClusterActors.Actors;

namespace ClusterActors.Cluster.Membership;

/// <summary>The phases of one reconfiguration at one node.</summary>
internal enum RoundPhase
{
    /// <summary>Reconfiguration messages out, waiting to hear who is there (seed steps 414–416, 504–506, 604–606).</summary>
    Presence,

    /// <summary>Prospective cluster out, waiting for every prospective member's (steps 510–514).</summary>
    Proposing,

    /// <summary>Unanimous: judging quorum, racing for a device, fencing (steps 610–612).</summary>
    Deciding,
}

/// <summary>
/// What one node knows about the reconfiguration that would commit <see cref="Epoch"/>: who answered,
/// whom it still waits for, what it proposed and what the others proposed.
/// </summary>
/// <remarks>
/// One round per epoch, everywhere: a node that hears of a higher epoch joins that round, so nodes
/// that started reconfigurations at the same time (a failure seen by several members, two joiners)
/// end up in one. Each node proposes once per round, which is why two different clusters can never
/// both be agreed for the same epoch by nodes they share.
/// </remarks>
internal sealed class ReconfigurationRound(long epoch, ClusterMember self, string trigger)
{
    private readonly Dictionary<Address, Reconfigure> heard = [];
    private readonly HashSet<Address> awaited = [];
    private readonly HashSet<Address> contacted = [];
    private readonly HashSet<ClusterMember> departing = [];
    private readonly Dictionary<ClusterMember, Proposal> proposals = [];
    private readonly List<CommittedCluster> reportedClusters = [];

    /// <summary>The epoch this round would commit.</summary>
    public long Epoch { get; } = epoch;

    /// <summary>Why the round started (for logs and the trace).</summary>
    public string Trigger { get; } = trigger;

    /// <summary>Where the round is.</summary>
    public RoundPhase Phase { get; private set; } = RoundPhase.Presence;

    /// <summary>The previous cluster this node judges against, fixed when presence closes.</summary>
    public CommittedCluster Base { get; private set; } = CommittedCluster.None;

    /// <summary>This node's prospective cluster, fixed when presence closes.</summary>
    public ImmutableArray<ClusterMember> Proposed { get; private set; } = [];

    /// <summary>Nodes that reached this round after its presence phase closed: the next round must include them.</summary>
    public HashSet<Address> LatePetitioners { get; } = [];

    /// <summary>Runs that must not be in the new cluster (leaving or downed).</summary>
    public IReadOnlySet<ClusterMember> Departing => departing;

    /// <summary>The proposals received so far, by sender.</summary>
    public IReadOnlyDictionary<ClusterMember, Proposal> Proposals => proposals;

    /// <summary>How many reconfiguration and proposal messages this node sent in the round.</summary>
    public int MessagesSent { get; set; }

    /// <summary>Adds addresses to wait for in the presence phase (ignored once it closed).</summary>
    public void Await(IEnumerable<Address> addresses)
    {
        if (Phase == RoundPhase.Presence)
        {
            foreach (var address in addresses)
            {
                if (address != self.Address)
                {
                    awaited.Add(address);
                }
            }
        }
    }

    /// <summary>Marks an address as sent our reconfiguration message; false if it already was.</summary>
    public bool MarkContacted(Address address) => address != self.Address && contacted.Add(address);

    /// <summary>Adds runs to leave out.</summary>
    public void AddDeparting(IEnumerable<ClusterMember> runs) => departing.UnionWith(runs);

    /// <summary>Records a reconfiguration message of this round; a newer run at the same address replaces an older one.</summary>
    public void Hear(Reconfigure message)
    {
        if (!heard.TryGetValue(message.Sender.Address, out var earlier) || earlier.Sender.Incarnation != message.Sender.Incarnation)
        {
            heard[message.Sender.Address] = message;
        }

        reportedClusters.Add(message.SenderCluster);
        departing.UnionWith(message.Departing.IsDefault ? [] : message.Departing);
        if (Phase != RoundPhase.Presence && !Proposed.Contains(message.Sender) && !departing.Contains(message.Sender))
        {
            LatePetitioners.Add(message.Sender.Address);
        }
    }

    /// <summary>Records a proposal of this round (the first one per sender counts: each node proposes once).</summary>
    public void Receive(Proposal proposal)
    {
        proposals.TryAdd(proposal.Sender, proposal);
        reportedClusters.Add(proposal.Base);
    }

    /// <summary>True when every awaited node answered.</summary>
    /// <remarks>
    /// A departing node is waited for like any other: a leaver answers by its own announcement, and
    /// a new run at a departing run's address must be heard, not skipped for the old one.
    /// </remarks>
    public bool EveryoneAnswered => !Silent.Any();

    /// <summary>Awaited addresses that did not answer.</summary>
    public IEnumerable<Address> Silent => awaited.Where(address => !heard.ContainsKey(address));

    /// <summary>True when some node answered this round.</summary>
    public bool HeardAnyone => heard.Count > 0;

    /// <summary>Closes presence: the base is the newest cluster anyone reported; the proposal is this node plus everyone heard, less the departing and the excluded.</summary>
    public void ClosePresence(CommittedCluster current, IReadOnlySet<ClusterMember> excludedRuns)
    {
        Base = reportedClusters.Append(current).Aggregate((best, next) => CommittedCluster.CompareForBase(next, best) > 0 ? next : best);
        var members = heard.Values.Select(message => message.Sender)
            .Where(member => !departing.Contains(member) && !excludedRuns.Contains(member))
            .Append(self);
        Proposed = CommittedCluster.Of(Epoch, members).Members;
        Phase = RoundPhase.Proposing;
    }

    /// <summary>Moves to the decision.</summary>
    public void StartDeciding() => Phase = RoundPhase.Deciding;

    /// <summary>Null while proposals are missing; otherwise whether they agree, and if not, the first that differs.</summary>
    public (bool Complete, Proposal? Dissent) Tally()
    {
        foreach (var proposal in proposals.Values)
        {
            if (!CommittedCluster.SameMembers(proposal.Members, Proposed) || !proposal.Base.SameAs(Base))
            {
                return (true, proposal);
            }
        }

        var complete = Proposed.All(member => member == self || proposals.ContainsKey(member));
        return (complete, null);
    }

    /// <summary>True when my proposal keeps every member of my current cluster: a pure join (or no change).</summary>
    public bool KeepsAll(CommittedCluster current) => current.Members.All(Proposed.Contains);
}
