namespace ClusterActors.Cluster.Membership;

/// <summary>A set of runs that forgets the oldest once it holds <see cref="Capacity"/>, so a long-lived coordinator's memory stays bounded.</summary>
internal sealed class RememberedRuns
{
    /// <summary>How many runs are kept; far more than a cluster loses between two restarts of a node.</summary>
    public const int Capacity = 256;

    private readonly HashSet<ClusterMember> runs = [];
    private readonly Queue<ClusterMember> order = new();

    /// <summary>The runs remembered now.</summary>
    public IReadOnlySet<ClusterMember> Runs => runs;

    /// <summary>Remembers <paramref name="run"/>; false if it already was.</summary>
    public bool Add(ClusterMember run)
    {
        if (!runs.Add(run))
        {
            return false;
        }

        order.Enqueue(run);
        if (order.Count > Capacity)
        {
            runs.Remove(order.Dequeue());
        }

        return true;
    }

    /// <summary>True when <paramref name="run"/> (this very run) is remembered.</summary>
    public bool Contains(ClusterMember run) => runs.Contains(run);
}
