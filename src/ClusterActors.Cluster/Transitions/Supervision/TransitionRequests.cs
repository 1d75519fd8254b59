using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;

namespace ClusterActors.Cluster.Transitions;

/// <summary>Operator request to a supervisor: the member at <paramref name="Address"/> leaves gracefully (answered with <see cref="MembershipCommandResult"/>).</summary>
public sealed record LeaveGracefully(Address Address);

/// <summary>The node host's shutdown asks its supervisor: leave gracefully and answer <see cref="LeaveFinished"/> once every level on every member processed it.</summary>
public sealed record AwaitOwnLeave
{
    /// <summary>The one instance.</summary>
    public static AwaitOwnLeave Instance { get; } = new();
}

/// <summary>Where a supervisor keeps the table it holds (SPEC T11: the active membership state in the membership database).</summary>
public interface ITransitionTableJournal
{
    /// <summary>Records <paramref name="table"/> as <paramref name="observer"/>'s view; must not block (write in the background, keep only the latest).</summary>
    void Record(ClusterMember observer, TransitionTable table);
}

/// <summary>A journal that keeps nothing (tests that do not look at the database).</summary>
public sealed class NoTransitionJournal : ITransitionTableJournal
{
    /// <summary>The one instance.</summary>
    public static NoTransitionJournal Instance { get; } = new();

    /// <inheritdoc />
    public void Record(ClusterMember observer, TransitionTable table)
    {
    }
}
