namespace ClusterActors.Remoting;

/// <summary>The rules for a node id (the name a node is known by in the cluster, e.g. <c>node-1</c>).</summary>
public static class NodeIds
{
    /// <summary>The longest node id allowed.</summary>
    public const int MaxLength = 128;

    /// <summary>True when <paramref name="nodeId"/> is 1..128 ASCII letters, digits, '.', '_', ':' or '-', starting with a letter or digit.</summary>
    public static bool IsValid(string? nodeId) =>
        nodeId is { Length: > 0 and <= MaxLength }
        && char.IsAsciiLetterOrDigit(nodeId[0])
        && nodeId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');
}
