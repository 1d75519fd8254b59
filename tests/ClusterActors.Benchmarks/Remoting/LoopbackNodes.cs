using ClusterActors.Remoting;

namespace ClusterActors.Benchmarks.Remoting;

/// <summary>Two remote actor systems on loopback TCP (port 0, a cluster secret, default settings otherwise); disposing shuts both down gracefully.</summary>
internal sealed class LoopbackNodes : IAsyncDisposable
{
    private static readonly ClusterSecret Secret = ClusterSecret.FromText("remoting-benchmark-secret");

    private LoopbackNodes(RemoteActorSystem a, RemoteActorSystem b)
    {
        A = a;
        B = b;
    }

    /// <summary>The node the measuring actors and senders live on.</summary>
    public RemoteActorSystem A { get; }

    /// <summary>The node the echoes live on.</summary>
    public RemoteActorSystem B { get; }

    /// <summary>Starts both nodes; <paramref name="wrapTransportA"/> may put a decorator around node A's transport.</summary>
    public static async Task<LoopbackNodes> StartAsync(Func<IRemoteTransport, IRemoteTransport>? wrapTransportA = null)
    {
        var transportA = new TcpTransport(Settings("node-a"));
        var a = await RemoteActorSystem.StartAsync("bench", wrapTransportA?.Invoke(transportA) ?? transportA, RemotingMessages.NewRegistry());
        try
        {
            var b = await RemoteActorSystem.StartAsync("bench", new TcpTransport(Settings("node-b")), RemotingMessages.NewRegistry());
            return new LoopbackNodes(a, b);
        }
        catch
        {
            await a.ShutdownAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Task.WhenAll(A.ShutdownAsync(), B.ShutdownAsync());

    private static TcpTransportSettings Settings(string nodeId) => new()
    {
        SystemName = "bench",
        NodeId = nodeId,
        Incarnation = NodeIncarnation.New(CryptoRandomSource.Instance),
        SoftwareVersion = "0.1.0",
        Secret = Secret,
    };
}
