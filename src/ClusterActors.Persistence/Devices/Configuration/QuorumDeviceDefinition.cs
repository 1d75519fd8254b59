using System.Collections.Immutable;

namespace ClusterActors.Persistence.Devices;

/// <summary>One configured quorum device and the nodes that share it, by node id, in declaration order.</summary>
public sealed record QuorumDeviceDefinition(string Id, ImmutableArray<string> NodeIds)
{
    /// <summary>True when <paramref name="nodeId"/> is one of the nodes that share this device.</summary>
    public bool IsSharedBy(string nodeId) => NodeIds.Contains(nodeId, StringComparer.Ordinal);
}
