namespace ClusterActors.Actors;

/// <summary>Why a coordinated shutdown ran; layers above may derive their own reasons.</summary>
public record ShutdownReason(string Name)
{
    /// <summary>No reason given.</summary>
    public static ShutdownReason Unknown { get; } = new("unknown");

    /// <summary><see cref="ActorSystem.Terminate"/> or disposal of the system.</summary>
    public static ShutdownReason ActorSystemTerminate { get; } = new("actor-system-terminate");

    /// <summary>The process is exiting (SIGTERM, Ctrl-C).</summary>
    public static ShutdownReason ProcessExit { get; } = new("process-exit");

    /// <summary>The node was downed by the cluster.</summary>
    public static ShutdownReason ClusterDowning { get; } = new("cluster-downing");

    /// <summary>The node left the cluster.</summary>
    public static ShutdownReason ClusterLeaving { get; } = new("cluster-leaving");

    /// <summary>The node could not join a cluster.</summary>
    public static ShutdownReason ClusterJoinUnsuccessful { get; } = new("cluster-join-unsuccessful");

    /// <inheritdoc />
    public override string ToString() => Name;
}
