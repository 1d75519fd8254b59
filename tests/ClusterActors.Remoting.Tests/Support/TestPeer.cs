namespace ClusterActors.Remoting.Tests.Support;

/// <summary>Counters and a capturing log for one connection under test.</summary>
public sealed class TestPeer
{
    public TestPeer(string label = "tcp 127.0.0.1:40001")
    {
        Diagnostics = new PeerDiagnostics(Counters, Log, label);
    }

    public RemotingCounters Counters { get; } = new();

    public CapturingLogger Log { get; } = new();

    public PeerDiagnostics Diagnostics { get; }

    public string Label => Diagnostics.Peer;

    public FrameDecoder Decoder(int maxFrameSize = FrameLimits.DefaultMaxFrameSize) => new(maxFrameSize, Diagnostics);

    public FrameEncoder Encoder(int maxFrameSize = FrameLimits.DefaultMaxFrameSize) => new(maxFrameSize, Diagnostics);
}
