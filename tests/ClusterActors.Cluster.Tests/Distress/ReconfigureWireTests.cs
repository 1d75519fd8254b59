using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterActors.Cluster.Membership;
using ClusterActors.Cluster.Tests.Support;
using ClusterActors.Remoting;
using Xunit;

namespace ClusterActors.Cluster.Tests.Distress;

/// <summary>SPEC S6 on the wire: the reconfiguration message tells every participant which runs sent a distress signal.</summary>
public sealed class ReconfigureWireTests
{
    private static readonly ClusterMember Node1 = new("node1", ClusterSimulation.RemoteAddressOf("node1"), 11);
    private static readonly ClusterMember Node2 = new("node2", ClusterSimulation.RemoteAddressOf("node2"), 22);
    private static readonly ClusterMember Node3 = new("node3", ClusterSimulation.RemoteAddressOf("node3"), 33);

    private static MessageTypeRegistration Registration()
    {
        var registry = new MessageTypeRegistry();
        ClusterMembership.RegisterMessages(registry);
        Assert.True(registry.TryGetByType(typeof(Reconfigure), out var registration));
        return registration;
    }

    [Fact]
    public void S6_the_reconfiguration_message_carries_the_distressed_runs_across_the_wire()
    {
        var registration = Registration();
        var sent = new Reconfigure(8, Node1, CommittedCluster.Of(7, [Node1, Node2, Node3]), [Node3, Node2], [Node3]);

        var json = JsonSerializer.Serialize(sent, registration.TypeInfo);
        var received = Assert.IsType<Reconfigure>(JsonSerializer.Deserialize(json, registration.TypeInfo));

        Assert.Equal(new[] { Node3 }, received.Distressed.ToArray());
        Assert.Equal(new[] { Node3, Node2 }, received.Departing.ToArray());
        Assert.True(received.SenderCluster.SameAs(sent.SenderCluster));
    }

    [Fact]
    public void S6_a_reconfiguration_message_from_a_sender_without_the_field_reads_as_default_which_means_none()
    {
        var registration = Registration();
        var json = JsonSerializer.Serialize(new Reconfigure(8, Node1, CommittedCluster.Of(7, [Node1, Node2]), [Node2], [Node2]), registration.TypeInfo);
        var node = JsonNode.Parse(json)!.AsObject();
        var field = Assert.Single(node, property => string.Equals(property.Key, nameof(Reconfigure.Distressed), StringComparison.OrdinalIgnoreCase)).Key;
        node.Remove(field);

        var received = Assert.IsType<Reconfigure>(JsonSerializer.Deserialize(node.ToJsonString(), registration.TypeInfo));

        // The coordinator and the round read a default array as "nobody distressed", as they read Departing.
        Assert.True(received.Distressed.IsDefault);
        Assert.Equal(new[] { Node2 }, received.Departing.ToArray());
    }
}
