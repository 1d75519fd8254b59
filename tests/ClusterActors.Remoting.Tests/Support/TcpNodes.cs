using ClusterActors.Remoting.Tests.Refs;
using ClusterActors.Remoting.Tests.Tcp;

namespace ClusterActors.Remoting.Tests.Support;

/// <summary>Remote actor systems on real loopback TCP for tests (port 0 unless given, the shared test secret, fast reconnects).</summary>
internal static class TcpNodes
{
    public static TcpTransportSettings Settings(string nodeId, int port = 0) =>
        TcpTestNode.Settings(nodeId) with { Port = port };

    public static Task<RemoteActorSystem> StartAsync(string nodeId, int port = 0) =>
        StartAsync(Settings(nodeId, port));

    public static Task<RemoteActorSystem> StartAsync(TcpTransportSettings settings)
    {
        var registry = new MessageTypeRegistry();
        RefTestMessages.Register(registry);
        return RemoteActorSystem.StartAsync(settings.SystemName, new TcpTransport(settings), registry);
    }
}
