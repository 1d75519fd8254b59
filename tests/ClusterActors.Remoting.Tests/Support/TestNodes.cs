namespace ClusterActors.Remoting.Tests.Support;

/// <summary>Node identities for handshake tests.</summary>
public static class TestNodes
{
    public static NodeIdentity Node(string nodeId, int port, int minVersion = 1, int maxVersion = 1, long incarnation = 0) =>
        new(
            nodeId,
            RemoteAddress.Create("cluster", "127.0.0.1", port),
            incarnation != 0 ? incarnation : NodeIncarnation.New(new SeededRandomSource(port)),
            "0.1.0",
            new ProtocolVersionRange(minVersion, maxVersion));

    public static NodeIdentity Alpha(int minVersion = 1, int maxVersion = 1) => Node("alpha", 2551, minVersion, maxVersion);

    public static NodeIdentity Beta(int minVersion = 1, int maxVersion = 1) => Node("beta", 2552, minVersion, maxVersion);

    public static ClusterSecret Secret { get; } = ClusterSecret.FromText("correct horse battery staple");
}
