namespace ClusterActors.Management.Health;

/// <summary>Whether the node can serve: set by the host as its actor system comes up and goes down.</summary>
/// <remarks>
/// Readiness is a single reason string rather than a flag so that the probe can say why a node is
/// not ready (starting, shutting down, and later: no quorum) without the endpoints knowing the causes.
/// </remarks>
public sealed class NodeReadiness
{
    /// <summary>The reason a node gives before its actor system has started.</summary>
    public const string Starting = "Actor system is starting";

    /// <summary>The reason a node gives once its ordered shutdown has begun.</summary>
    public const string ShuttingDown = "Node is shutting down";

    private volatile string? notReadyReason = Starting;

    /// <summary>True once <see cref="MarkReady"/> was called and nothing marked it not ready since.</summary>
    public bool IsReady => notReadyReason is null;

    /// <summary>Why the node is not ready, or null when it is.</summary>
    public string? NotReadyReason => notReadyReason;

    /// <summary>The node serves.</summary>
    public void MarkReady() => notReadyReason = null;

    /// <summary>The node does not serve, for the given reason (shown by <c>GET /ready</c>).</summary>
    public void MarkNotReady(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        notReadyReason = reason;
    }
}
