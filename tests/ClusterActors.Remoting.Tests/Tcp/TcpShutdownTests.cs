using Xunit;

namespace ClusterActors.Remoting.Tests.Tcp;

public sealed class TcpShutdownTests
{
    [Fact]
    public async Task A_graceful_shutdown_tells_a_peer_it_never_wrote_to_that_its_incarnation_is_gone_and_later_sends_are_refused()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");
        Assert.True(a.Transport.Send(a.To(b, 1)));
        b.WaitFor(1);

        await b.Transport.ShutdownAsync();

        a.Events.WaitUntil(e => e.Gone.Count > 0, "A to learn that B shut down");
        var gone = Assert.Single(a.Events.Gone);
        Assert.Equal((b.Address, b.Identity.Incarnation, $"shut down: {TcpTransport.ShutdownReason}"), (gone.Address, gone.Incarnation, gone.Reason));
        Assert.False(b.Transport.Send(b.To(a, 2)));
        Assert.Equal(1, b.Counters.DroppedOutbound);
        Assert.False(a.Transport.Send(a.To(b, 3, incarnation: b.Identity.Incarnation)));
        await b.Transport.ShutdownAsync();
    }

    [Fact]
    public async Task A_graceful_shutdown_first_delivers_what_is_queued_and_the_peer_hears_the_goodbye_once_over_both_connections()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");
        Assert.True(a.Transport.Send(a.To(b, -1)));
        b.WaitFor(-1);

        for (var i = 0; i < 5_000; i++)
        {
            Assert.True(b.Transport.Send(b.To(a, i)));
        }

        await b.Transport.ShutdownAsync();

        a.Events.WaitForMessages(5_000);
        Assert.Equal(Enumerable.Range(0, 5_000), a.Received());
        Assert.Equal(0, b.Counters.DroppedOutbound);
        var gone = Assert.Single(a.Events.Gone);
        Assert.Equal(b.Identity.Incarnation, gone.Incarnation);
    }

    [Fact]
    public async Task Abort_drops_and_counts_the_queue_says_no_goodbye_and_later_sends_are_refused()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");
        await using var unreachable = await TcpTestNode.CreateAsync("unreachable", start: false);
        Assert.True(a.Transport.Send(a.To(b, 1)));
        b.WaitFor(1);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(a.Transport.Send(a.To(unreachable, i)));
        }

        a.Transport.Abort();
        a.Transport.Abort();

        Assert.Equal(5, a.Counters.DroppedOutbound);
        Assert.False(a.Transport.Send(a.To(b, 2)));
        Assert.Equal(6, a.Counters.DroppedOutbound);
        Eventually.That(() => !b.Transport.HasOutboundConnection(a.Address) && b.Log.Lines().Any(line => line.Contains("Inbound association with", StringComparison.Ordinal) && line.Contains("down", StringComparison.Ordinal)), "B to see A's connection drop");
        Assert.Empty(b.Events.Gone);
        await a.Transport.ShutdownAsync();
    }
}
