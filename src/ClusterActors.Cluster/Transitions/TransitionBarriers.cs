namespace ClusterActors.Cluster.Transitions;

/// <summary>How many barriers a level asks for per transition (SPEC T2): every subsystem of a level must ask for the same numbers.</summary>
public sealed record TransitionBarriers(int Joining, int Leaving, int ForcedLeaving)
{
    /// <summary>One barrier for every transition: the common case.</summary>
    public static TransitionBarriers One { get; } = new(1, 1, 1);

    /// <summary>The barrier count for <paramref name="kind"/>.</summary>
    public int For(TransitionKind kind) => kind switch
    {
        TransitionKind.Join => Joining,
        TransitionKind.Leave => Leaving,
        _ => ForcedLeaving,
    };

    /// <summary>Throws when a count is below 1 (a level with no barrier would never be notified).</summary>
    public void Validate()
    {
        if (Joining < 1 || Leaving < 1 || ForcedLeaving < 1)
        {
            throw new ArgumentException($"Every barrier count must be at least 1; got joining {Joining}, leaving {Leaving}, forced-leaving {ForcedLeaving}.");
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"joining {Joining}, leaving {Leaving}, forced-leaving {ForcedLeaving}";
}
