using ClusterActors.Actors;
using ClusterActors.Remoting;

namespace ClusterActors.Cluster.Distress;

/// <summary>Where the distress sender writes: the node's cluster transport, or a recording double in tests.</summary>
public interface IDistressWire
{
    /// <summary>Writes <paramref name="frame"/> to <paramref name="target"/> on the calling thread; true once it was handed to the connection.</summary>
    bool WriteDistress(Address target, ReadOnlySpan<byte> frame, TimeSpan timeout);

    /// <summary>Opens a connection to <paramref name="target"/> now if there is none, so a later write finds one.</summary>
    void EnsureConnected(Address target);
}

/// <summary>The distress wire of a running node: its transport's connections to the members.</summary>
public sealed class RemoteDistressWire(RemoteActorSystem node) : IDistressWire
{
    /// <inheritdoc />
    public bool WriteDistress(Address target, ReadOnlySpan<byte> frame, TimeSpan timeout) => node.WriteDistress(target, frame, timeout);

    /// <inheritdoc />
    public void EnsureConnected(Address target) => node.EnsureConnected(target);
}
