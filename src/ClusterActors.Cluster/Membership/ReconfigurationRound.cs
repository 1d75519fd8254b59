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
    private readonly HashSet<ClusterMember> distressed = [];
    private readonly Dictionary<ClusterMember, Proposal> proposals = [];
    private readonly List<CommittedCluster> reportedClusters = [];
    private readonly List<CommittedCluster> known = [];
    private Func<Address, ClusterMember?> lastRunHeardAt = _ => null;

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

    /// <summary>Runs that sent a distress signal (SPEC S6): departing, counted as departed by quorum, and not waited for.</summary>
    public IReadOnlySet<ClusterMember> Distressed => distressed;

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

    /// <summary>Adds runs that sent a distress signal; they depart too. True if any was new to this round.</summary>
    public bool AddDistressed(IEnumerable<ClusterMember> runs)
    {
        var added = false;
        foreach (var run in runs)
        {
            added |= distressed.Add(run);
            departing.Add(run);
        }

        return added;
    }

    /// <summary>The addresses this node sent its reconfiguration message to.</summary>
    public IEnumerable<Address> Contacted => contacted;

    /// <summary>Records a reconfiguration message of this round; a newer run at the same address replaces an older one.</summary>
    public void Hear(Reconfigure message)
    {
        if (!heard.TryGetValue(message.Sender.Address, out var earlier) || earlier.Sender.Incarnation != message.Sender.Incarnation)
        {
            heard[message.Sender.Address] = message;
        }

        reportedClusters.Add(message.SenderCluster);
        departing.UnionWith(message.Departing.IsDefault ? [] : message.Departing);
        AddDistressed(message.Distressed.IsDefault ? [] : message.Distressed);
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
    /// a new run at a departing run's address must be heard, not skipped for the old one. A distressed
    /// run is the exception: it may already be dead, and waiting for it would spend the time the
    /// distress signal saves (SPEC S6); a newer run at its address is still heard when it speaks.
    /// </remarks>
    public bool EveryoneAnswered => !Silent.Any();

    /// <summary>Awaited addresses that did not answer (a distressed run's address is not awaited).</summary>
    public IEnumerable<Address> Silent => awaited.Where(address => !heard.ContainsKey(address) && !HeldOnlyByDistressed(address));

    /// <summary>
    /// True when <paramref name="address"/> belongs to a distressed run that this node's own current
    /// cluster still counts as a member — the departure this round is for — and the last run this node
    /// heard from there is none or a distressed one.
    /// </summary>
    /// <remarks>
    /// Once another run spoke from that address (a new run of the node petitioning), the address is
    /// awaited like any other: a round that closed before hearing it would propose a cluster without it
    /// while those that heard it propose one with it, again and again. Clusters reported by others do not
    /// count: a straggler's old cluster can name the distressed run long after it was dropped.
    /// </remarks>
    private bool HeldOnlyByDistressed(Address address)
    {
        var departingHere = known.Where(cluster => !cluster.IsEmpty).SelectMany(cluster => cluster.Members)
            .Any(member => member.Address == address && distressed.Contains(member));
        return departingHere && (lastRunHeardAt(address) is not { } last || distressed.Contains(last));
    }

    /// <summary>
    /// Tells the round this node's own current cluster, and where to look up the last run this node heard
    /// from at an address (across rounds), for deciding whether a distressed run's address is awaited.
    /// </summary>
    public void Know(CommittedCluster current, Func<Address, ClusterMember?> lastRunHeard)
    {
        known.Add(current);
        lastRunHeardAt = lastRunHeard;
    }

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
