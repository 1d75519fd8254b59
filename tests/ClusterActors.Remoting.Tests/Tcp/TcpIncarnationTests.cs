using Microsoft.Extensions.Logging;
using Xunit;

namespace ClusterActors.Remoting.Tests.Tcp;

public sealed class TcpIncarnationTests
{
    [Fact]
    public async Task A_peer_restarted_on_the_same_port_gets_the_next_messages_and_its_old_incarnation_is_gone_exactly_once()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        var b = await TcpTestNode.CreateAsync("b");
        Assert.True(a.Transport.Send(a.To(b, 0)));
        b.WaitFor(0);
        var oldIncarnation = b.Identity.Incarnation;
        var address = b.Address;

        b.Transport.Abort();
        Eventually.That(() => !a.Transport.HasOutboundConnection(address), "A to notice that B's connection broke");
        Assert.True(a.Transport.Send(a.To(address, 1)));
        Assert.True(a.Transport.Send(a.To(address, 2, incarnation: oldIncarnation)));
        await using var successor = await TcpTestNode.CreateAsync("b", s => s with { Port = address.Port!.Value });
        Assert.Equal(address, successor.Address);

        successor.WaitFor(1);
        a.Events.WaitUntil(e => e.Gone.Count > 0, "B's old incarnation to be reported gone");
        var gone = Assert.Single(a.Events.Gone);
        Assert.Equal((address, oldIncarnation), (gone.Address, gone.Incarnation));
        Assert.Equal($"restarted as incarnation {successor.Identity.Incarnation}", gone.Reason);
        Assert.False(a.Transport.Send(a.To(address, 3, incarnation: oldIncarnation)));
        Assert.True(a.Transport.Send(a.To(address, 4, incarnation: successor.Identity.Incarnation)));
        successor.WaitFor(4);
        Assert.Equal([1, 4], successor.Received());
        Assert.Equal(2, a.Counters.DroppedOutbound);

        // B's successor dialing A completes a second handshake revealing the same change: no second report.
        Assert.True(successor.Transport.Send(successor.To(a, 5)));
        a.WaitFor(5);
        Assert.Equal(successor.Identity, a.Events.Messages.Single().Peer);
        Assert.Single(a.Events.Gone);
    }

    [Fact]
    public async Task A_message_for_an_incarnation_the_connected_peer_does_not_have_is_dropped_and_counted_not_delivered()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");
        Assert.True(a.Transport.Send(a.To(b, 1)));
        b.WaitFor(1);
        var unknownIncarnation = b.Identity.Incarnation ^ 0x5555;

        Assert.True(a.Transport.Send(a.To(b, 2, incarnation: unknownIncarnation)));
        Assert.True(a.Transport.Send(a.To(b, 3, incarnation: b.Identity.Incarnation)));

        b.WaitFor(3);
        Assert.Equal([1, 3], b.Received());
        Assert.Equal(1, a.Counters.DroppedOutbound);
        Assert.Contains(a.Log.Lines(), line => line.Contains($"meant for incarnation {unknownIncarnation}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quarantine_drops_queued_messages_for_the_incarnation_refuses_its_handshakes_and_reports_it_gone_once()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b", start: false);
        var quarantined = b.Identity.Incarnation;
        for (var i = 0; i < 3; i++)
        {
            Assert.True(a.Transport.Send(a.To(b, i, incarnation: quarantined)));
        }

        a.Transport.Quarantine(b.Address, quarantined, "failure detector verdict");
        a.Transport.Quarantine(b.Address, quarantined, "said twice");

        Assert.Equal(3, a.Counters.DroppedOutbound);
        var gone = Assert.Single(a.Events.Gone);
        Assert.Equal((b.Address, quarantined, "quarantined: failure detector verdict"), (gone.Address, gone.Incarnation, gone.Reason));
        Assert.False(a.Transport.Send(a.To(b, 3, incarnation: quarantined)));
        Assert.Equal(4, a.Counters.DroppedOutbound);

        // Both directions: A dialing the quarantined incarnation, and it dialing A, are refused after the handshake.
        Assert.True(a.Transport.Send(a.To(b, 4)));
        b.Start();
        Assert.True(b.Transport.Send(b.To(a, 5)));
        var refusal = $"incarnation {quarantined} of {b.Address} is quarantined";
        Eventually.That(
            () => a.Counters.HandshakeFailures >= 2 && a.Log.Lines(LogLevel.Warning).Count(line => line.Contains(refusal, StringComparison.Ordinal)) >= 2,
            "A to refuse (count and log) both connections with the quarantined incarnation");
        Assert.Empty(a.Events.Messages);
        Assert.Empty(b.Events.Messages);
        Assert.Single(a.Events.Gone);
    }
}
