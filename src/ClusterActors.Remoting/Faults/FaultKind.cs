namespace ClusterActors.Remoting;

/// <summary>What a <see cref="FaultInjector"/> did to one message.</summary>
public enum FaultKind
{
    /// <summary>Dropped because its link is blackholed (or partitioned).</summary>
    Blackholed,

    /// <summary>Dropped by the link's drop probability.</summary>
    Dropped,

    /// <summary>Forwarded twice.</summary>
    Duplicated,

    /// <summary>Held for the link's fixed delay, in the link's order.</summary>
    Delayed,

    /// <summary>Held back out of order so that later messages overtake it.</summary>
    Reordered,
}
