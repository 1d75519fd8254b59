using System.Globalization;

namespace ClusterActors.Cluster.Membership;

/// <summary>A node's priority: the number its id ends with (<c>node-7</c> → 7, <c>3</c> → 3), ties broken by the id itself.</summary>
/// <remarks>
/// The seed (US 6,108,699) reads the node identifier as a number whose value is the priority; our
/// ids are names, so the trailing digits carry the number. Ids without digits rank below every
/// numbered id and among themselves by ordinal order, which keeps the ranking total and the crown
/// prince unique.
/// </remarks>
public readonly record struct NodePriority(long Number, string NodeId) : IComparable<NodePriority>
{
    /// <summary>The priority of a node id.</summary>
    public static NodePriority Of(string nodeId)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        var start = nodeId.Length;
        while (start > 0 && char.IsAsciiDigit(nodeId[start - 1]) && nodeId.Length - start < 18)
        {
            start--;
        }

        var number = start < nodeId.Length ? long.Parse(nodeId.AsSpan(start), NumberStyles.None, CultureInfo.InvariantCulture) : -1;
        return new NodePriority(number, nodeId);
    }

    /// <inheritdoc />
    public int CompareTo(NodePriority other)
    {
        var byNumber = Number.CompareTo(other.Number);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(NodeId, other.NodeId);
    }

    public static bool operator <(NodePriority left, NodePriority right) => left.CompareTo(right) < 0;

    public static bool operator >(NodePriority left, NodePriority right) => left.CompareTo(right) > 0;

    public static bool operator <=(NodePriority left, NodePriority right) => left.CompareTo(right) <= 0;

    public static bool operator >=(NodePriority left, NodePriority right) => left.CompareTo(right) >= 0;
}
