namespace ClusterActors.TestKit;

/// <summary>Ends the scenario of a role whose node was crashed (<c>Exit</c>) or shut down: that role takes no further part.</summary>
public sealed class NodeExitedException : Exception
{
    /// <summary>Creates the exception for <paramref name="role"/>.</summary>
    public NodeExitedException(RoleName role)
        : base($"Role {role} has left the spec (its node was exited or shut down).")
    {
        Role = role;
    }

    /// <summary>Creates an empty exception.</summary>
    public NodeExitedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NodeExitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public NodeExitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The role that left, if known.</summary>
    public RoleName? Role { get; }
}
