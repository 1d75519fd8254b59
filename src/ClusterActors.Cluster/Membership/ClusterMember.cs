using System.Text.Json.Serialization;
using ClusterActors.Actors;

namespace ClusterActors.Cluster.Membership;

/// <summary>One run of one node as the membership sees it: node id, remote address and incarnation.</summary>
/// <remarks>
/// A restarted node is a different member (new incarnation) even with the same id and address, so a
/// proposal that names the old run can never be agreed by the new one.
/// </remarks>
public sealed record ClusterMember(string NodeId, Address Address, long Incarnation)
{
    /// <summary>The node's priority (SPEC M1): the numeric value of its id; higher wins the crown.</summary>
    [JsonIgnore]
    public NodePriority Priority => NodePriority.Of(NodeId);

    /// <inheritdoc />
    public override string ToString() => $"{NodeId}@{Address.Host}:{Address.Port}#{Incarnation}";
}
