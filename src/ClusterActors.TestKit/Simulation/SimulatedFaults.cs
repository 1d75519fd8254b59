namespace ClusterActors.TestKit;

/// <summary>The kinds of fault a random fault schedule may inject.</summary>
[Flags]
public enum SimulatedFaults
{
    /// <summary>No faults.</summary>
    None = 0,

    /// <summary>Cut one node off from all others, both ways.</summary>
    Partition = 1,

    /// <summary>Blackhole one direction of one link.</summary>
    Blackhole = 2,

    /// <summary>Drop a share of the messages on one link.</summary>
    Drop = 4,

    /// <summary>Delay the messages on one link (order kept).</summary>
    Delay = 8,

    /// <summary>Deliver some messages on one link twice.</summary>
    Duplicate = 16,

    /// <summary>Let later messages on one link overtake earlier ones.</summary>
    Reorder = 32,

    /// <summary>Faults that lose or slow messages but keep each link's order and never duplicate: what TCP between live nodes can look like.</summary>
    Lossy = Partition | Blackhole | Drop | Delay,
}
