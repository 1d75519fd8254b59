namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>A membership database failed an operation; the message names the operation, the node and the store.</summary>
public sealed class MembershipDatabaseException : Exception
{
    /// <summary>Wraps the database's own error <paramref name="inner"/>.</summary>
    public MembershipDatabaseException(string store, string? nodeId, string operation, Exception inner)
        : base(Describe(store, nodeId, operation, inner), inner)
    {
        Store = store;
        NodeId = nodeId;
        Operation = operation;
    }

    /// <summary>The store that failed: "SQLite file '/path'" or "PostgreSQL host:port/database".</summary>
    public string Store { get; }

    /// <summary>The node (configured node or observer) the operation was about, or null for one about the whole store.</summary>
    public string? NodeId { get; }

    /// <summary>What was attempted ("save the configuration", "save the transition states", ...).</summary>
    public string Operation { get; }

    private static string Describe(string store, string? nodeId, string operation, Exception inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var target = nodeId is null ? "" : $" of node '{nodeId}'";
        return $"{operation}{target} failed on {store}: {inner.Message}";
    }
}
