using System.Buffers;
using ClusterActors.Remoting.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ClusterActors.Remoting.Tests.Diagnostics;

public sealed class RemotingCountersTests
{
    public static TheoryData<string> BadInputs => [.. Cases.Keys];

    private static readonly Dictionary<string, (Action<TestPeer> Provoke, Func<RemotingCountersSnapshot, long> Counter)> Cases = new()
    {
        ["oversized frame"] = (peer => Decode(peer, [0, 0x10, 0, 0, 4]), c => c.OversizedFrames),
        ["negative length"] = (peer => Decode(peer, [0xF0, 0, 0, 0, 4]), c => c.MalformedFrames),
        ["unknown kind"] = (peer => Decode(peer, [0, 0, 0, 1, 0x7F]), c => c.MalformedFrames),
        ["truncated stream"] = (peer => peer.Decoder().CompleteAtEndOfStream(new ReadOnlySequence<byte>(new byte[] { 0, 0, 0, 9, 4 })), c => c.MalformedFrames),
        ["bad envelope"] = (peer => ReadEnvelope(peer, [0, 0, 0, 2, 4, 0x80]), c => c.MalformedFrames),
        ["unknown type id"] = (peer => Deserialize(peer, "test.unknown", "{}"), c => c.UnknownMessageTypes),
        ["undeserializable payload"] = (peer => Deserialize(peer, "test.pong", "{oops"), c => c.UndeserializablePayloads),
        ["handshake failure"] = (peer => new HandshakeResponder(TestNodes.Beta(), TestNodes.Secret, new SeededRandomSource(1), peer.Diagnostics).Abort("timed out"), c => c.HandshakeFailures),
        ["unknown recipient"] = (peer => peer.Diagnostics.ReportUnknownRecipient("ca.tcp://sys@host:1/user/ghost", "test.pong"), c => c.UnknownRecipients),
        ["dropped outbound"] = (peer => peer.Diagnostics.ReportDroppedOutbound("ca.tcp://sys@host:1/user/a", "test.pong", "the outbound queue is full"), c => c.DroppedOutbound),
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Each_bad_input_is_counted_once_in_its_own_counter_and_logged_as_a_warning_naming_the_peer(string badInput)
    {
        var peer = new TestPeer("tcp 192.0.2.7:31337");
        var (provoke, counter) = Cases[badInput];

        try
        {
            provoke(peer);
        }
        catch (Exception error) when (error is MalformedFrameException or UnknownMessageTypeException or UndeserializablePayloadException)
        {
            // Thrown after counting: the caller's only job is to drop (or close).
        }

        var snapshot = peer.Counters.Snapshot();
        Assert.Equal(1, counter(snapshot));
        Assert.Equal(1, Total(snapshot) - snapshot.FramesIn - snapshot.FramesOut);
        var warning = Assert.Single(peer.Log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("192.0.2.7:31337", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_holds_every_counter_and_peers_share_the_node_counters()
    {
        var peer = new TestPeer("first");
        var other = peer.Diagnostics.ForPeer("ca.tcp://sys@host:2552");
        peer.Diagnostics.ReportUnknownRecipient("/user/a", "t");
        other.ReportUnknownRecipient("/user/b", "t");

        Assert.Equal(new RemotingCountersSnapshot(0, 0, 0, 0, 0, 0, 0, 2, 0), peer.Counters.Snapshot());
        Assert.Contains(peer.Log.Lines(), line => line.Contains("from ca.tcp://sys@host:2552", StringComparison.Ordinal));
    }

    private static long Total(RemotingCountersSnapshot s) =>
        s.FramesIn + s.FramesOut + s.MalformedFrames + s.OversizedFrames + s.UnknownMessageTypes + s.UndeserializablePayloads + s.HandshakeFailures + s.UnknownRecipients + s.DroppedOutbound;

    private static void Decode(TestPeer peer, byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        peer.Decoder().TryReadFrame(ref buffer, out _);
    }

    private static void ReadEnvelope(TestPeer peer, byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        var decoder = peer.Decoder();
        Assert.True(decoder.TryReadFrame(ref buffer, out var frame));
        decoder.ReadEnvelope(frame);
    }

    private static void Deserialize(TestPeer peer, string typeId, string json)
    {
        var registry = new MessageTypeRegistry();
        registry.Register("test.pong", TestMessagesContext.Default.Pong);
        var view = new EnvelopeView("ca.tcp://sys@host:1/user/a", null, typeId, new ReadOnlySequence<byte>(System.Text.Encoding.UTF8.GetBytes(json)));
        new MessageSerializer(registry).Deserialize(view, peer.Diagnostics);
    }
}
