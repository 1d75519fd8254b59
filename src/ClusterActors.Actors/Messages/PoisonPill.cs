namespace ClusterActors.Actors;

/// <summary>Stops the recipient once every message sent before it has been processed.</summary>
public sealed record PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    /// <summary>The one instance.</summary>
    public static PoisonPill Instance { get; } = new();
}
