namespace ClusterActors.Actors;

/// <summary>Makes the recipient fail with <see cref="ActorKilledException"/> when processed (its supervisor stops it by default).</summary>
public sealed record Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The one instance.</summary>
    public static Kill Instance { get; } = new();
}
