namespace ClusterActors.Actors;

/// <summary>A value meaning "finished", with nothing more to say.</summary>
public sealed record Done
{
    private Done()
    {
    }

    /// <summary>The one instance.</summary>
    public static Done Instance { get; } = new();
}
