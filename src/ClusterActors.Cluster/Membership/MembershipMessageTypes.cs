using System.Text.Json.Serialization;
using ClusterActors.Cluster.Heartbeat;
using ClusterActors.Remoting;

namespace ClusterActors.Cluster.Membership;

/// <summary>The wire type ids of the membership protocol and the heartbeat, stable across versions (a rolling upgrade mixes them).</summary>
public static class MembershipMessageTypes
{
    /// <summary>Registers the membership and heartbeat messages in <paramref name="registry"/>.</summary>
    public static void RegisterTo(MessageTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var json = MembershipJsonContext.Default;
        registry.Register("ca.cluster.reconfigure", json.Reconfigure);
        registry.Register("ca.cluster.proposal", json.Proposal);
        registry.Register("ca.cluster.excluded", json.Excluded);
        registry.Register("ca.cluster.please-leave", json.PleaseLeave);
        registry.Register("ca.cluster.keep-alive", json.KeepAlive);
    }
}

/// <summary>Source-generated JSON for the membership wire messages.</summary>
[JsonSerializable(typeof(Reconfigure))]
[JsonSerializable(typeof(Proposal))]
[JsonSerializable(typeof(Excluded))]
[JsonSerializable(typeof(PleaseLeave))]
[JsonSerializable(typeof(KeepAlive))]
internal sealed partial class MembershipJsonContext : JsonSerializerContext;
