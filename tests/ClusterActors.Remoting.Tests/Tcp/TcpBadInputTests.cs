using System.Buffers.Binary;
using ClusterActors.Remoting.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ClusterActors.Remoting.Tests.Tcp;

public sealed class TcpBadInputTests
{
    [Fact]
    public async Task A_peer_with_the_wrong_secret_is_refused_and_delivers_nothing_while_a_good_peer_keeps_talking()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var good = await TcpTestNode.CreateAsync("good");
        await using var intruder = await TcpTestNode.CreateAsync("intruder", s => s with { Secret = ClusterSecret.FromText("not the cluster's secret") });

        Assert.True(intruder.Transport.Send(intruder.To(a, 666)));
        Assert.True(good.Transport.Send(good.To(a, 1)));
        a.WaitFor(1);
        Eventually.That(
            () => a.Counters.HandshakeFailures >= 1 && intruder.Log.Lines(LogLevel.Warning).Any(line => line.Contains("AuthenticationFailed", StringComparison.Ordinal) && line.Contains(a.Address.ToString(), StringComparison.Ordinal)),
            "A to count the refused handshake and the intruder to log why");
        Assert.True(good.Transport.Send(good.To(a, 2)));
        a.WaitFor(2);

        Assert.Equal([1, 2], a.Received());
        Assert.All(a.Events.Messages, m => Assert.Equal(good.Identity, m.Peer));
        Assert.True(intruder.Counters.HandshakeFailures >= 1);
        Assert.Empty(intruder.Events.Messages);
    }

    [Fact]
    public async Task Garbage_bytes_from_a_raw_socket_are_counted_and_close_only_that_connection()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var good = await TcpTestNode.CreateAsync("good");
        Assert.True(good.Transport.Send(good.To(a, 1)));
        a.WaitFor(1);
        using var raw = await RawTcpPeer.ConnectAsync(a.Address);

        await raw.SendAsync(Enumerable.Repeat((byte)0xFF, 64).ToArray());
        await raw.ReadUntilClosedAsync();

        Assert.Equal(1, a.Counters.MalformedFrames);
        Assert.Equal(1, a.Counters.HandshakeFailures);
        Assert.Contains(a.Log.Lines(LogLevel.Warning), line => line.Contains(raw.LocalEndpoint, StringComparison.Ordinal) && line.Contains("NegativeLength", StringComparison.Ordinal));
        Assert.True(good.Transport.Send(good.To(a, 2)));
        a.WaitFor(2);
        Assert.Equal([1, 2], a.Received());
    }

    [Fact]
    public async Task An_oversized_frame_after_a_valid_handshake_is_counted_and_closes_only_that_connection()
    {
        await using var a = await TcpTestNode.CreateAsync("a", s => s with { MaxFrameSize = 4096 });
        await using var good = await TcpTestNode.CreateAsync("good");
        using var raw = await RawTcpPeer.ConnectAsync(a.Address);
        var forged = TestNodes.Node("raw", 1, incarnation: 42);
        Assert.IsType<HandshakeAccepted>(await raw.HandshakeAsync(forged, TestNodes.Secret, a.Address));

        await raw.SendFramesAsync((encoder, output) => encoder.WriteMessage(output, $"{a.Address}/user/inbox", null, TcpTestNode.PayloadTypeId, "7"u8));
        var header = new byte[5];
        BinaryPrimitives.WriteInt32BigEndian(header, 4097);
        header[4] = (byte)FrameKind.Message;
        await raw.SendAsync(header);
        var answer = await raw.ReadUntilClosedAsync();

        a.WaitFor(7);
        Assert.Equal(forged, Assert.Single(a.Events.Messages).Peer);
        Assert.Equal(1, a.Counters.OversizedFrames);
        Assert.Equal(0, a.Counters.MalformedFrames);
        Assert.Contains(FrameKind.Close, RawTcpPeer.Kinds(answer));
        Assert.Contains(a.Log.Lines(LogLevel.Warning), line => line.Contains("Oversized frame from ca.tcp://cluster@127.0.0.1:1", StringComparison.Ordinal));
        Assert.True(good.Transport.Send(good.To(a, 8)));
        a.WaitFor(8);
        Assert.Equal([7, 8], a.Received());
    }

    [Fact]
    public async Task A_message_sent_before_the_handshake_is_refused_and_never_delivered()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        using var raw = await RawTcpPeer.ConnectAsync(a.Address);

        await raw.SendFramesAsync((encoder, output) => encoder.WriteMessage(output, $"{a.Address}/user/inbox", null, TcpTestNode.PayloadTypeId, "1"u8));
        var answer = await raw.ReadUntilClosedAsync();

        Assert.Equal([FrameKind.Close], RawTcpPeer.Kinds(answer));
        Assert.Equal((byte)CloseCode.HandshakeRefused, answer[5]);
        Assert.Equal(1, a.Counters.HandshakeFailures);
        Assert.Contains(a.Log.Lines(LogLevel.Warning), line => line.Contains("UnexpectedFrame", StringComparison.Ordinal) && line.Contains(raw.LocalEndpoint, StringComparison.Ordinal));
        Assert.Empty(a.Events.Messages);
    }

    [Fact]
    public async Task A_connection_that_never_completes_its_handshake_is_closed_when_the_handshake_timeout_passes()
    {
        await using var a = await TcpTestNode.CreateAsync("a", s => s with { HandshakeTimeout = TimeSpan.FromMilliseconds(200) });
        using var raw = await RawTcpPeer.ConnectAsync(a.Address);

        await raw.ReadUntilClosedAsync();

        Assert.Equal(1, a.Counters.HandshakeFailures);
        Assert.Contains(a.Log.Lines(LogLevel.Warning), line => line.Contains("Aborted", StringComparison.Ordinal) && line.Contains(raw.LocalEndpoint, StringComparison.Ordinal));
    }
}
