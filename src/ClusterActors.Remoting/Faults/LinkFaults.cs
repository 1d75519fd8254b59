namespace ClusterActors.Remoting;

/// <summary>The faults set on one directed link (from one node to another); <see cref="None"/> when the link is healthy.</summary>
/// <param name="Blackholed">Every message vanishes.</param>
/// <param name="DropProbability">The chance (0..1) that a message vanishes.</param>
/// <param name="Delay">How long every message is held; the link's order is kept.</param>
/// <param name="DuplicateProbability">The chance (0..1) that a message is forwarded twice.</param>
/// <param name="ReorderProbability">The chance (0..1) that a message is held back so that later ones overtake it.</param>
/// <param name="ReorderWindow">The longest a reordered message is held back (on top of <paramref name="Delay"/>).</param>
public sealed record LinkFaults(
    bool Blackholed,
    double DropProbability,
    TimeSpan Delay,
    double DuplicateProbability,
    double ReorderProbability,
    TimeSpan ReorderWindow)
{
    /// <summary>A healthy link.</summary>
    public static LinkFaults None { get; } = new(false, 0, TimeSpan.Zero, 0, 0, TimeSpan.Zero);

    /// <summary>True when no fault is set.</summary>
    public bool IsNone => !Blackholed && DropProbability == 0 && Delay == TimeSpan.Zero && DuplicateProbability == 0 && ReorderProbability == 0;
}
