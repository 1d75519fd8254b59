using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Transitions;

/// <summary>
/// A crown prince becoming the sequencer: it gathers every other member's table and carries on from
/// the newest. A node that just joined holds no table at all, and an old member may have missed the
/// last round of the previous sequencer; the newest copy among the survivors has what was announced.
/// </summary>
internal sealed class TakeOver(CommittedCluster cluster, TransitionTable own)
{
    private readonly HashSet<string> waiting = [.. cluster.Members.Select(member => member.NodeId)];

    public CommittedCluster Cluster { get; } = cluster;

    public TransitionTable Newest { get; private set; } = own;

    /// <summary>Sequencer inputs that arrived before the takeover finished, replayed after it.</summary>
    public List<object> Deferred { get; } = [];

    public bool IsComplete => waiting.Count == 0;

    /// <summary>The members' registrations, as they sent them.</summary>
    public List<NodeRegistrations> Registrations { get; } = [];

    /// <summary>Takes <paramref name="from"/>'s table; false when it was not awaited (another epoch, or already heard).</summary>
    public bool Accept(ClusterMember from, long epoch, TransitionTable table, NodeRegistrations registrations)
    {
        if (epoch != Cluster.Epoch || !Cluster.Contains(from) || !waiting.Remove(from.NodeId))
        {
            return false;
        }

        Registrations.Add(registrations);
        if (table.IsNewerThan(Newest))
        {
            Newest = table;
        }

        return true;
    }
}
