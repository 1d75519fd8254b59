using Xunit;

namespace ClusterActors.Remoting.Tests.Tcp;

public sealed class TcpRedialTests
{
    // Far longer than any wait below: only a redial cut short can deliver the reply in time.
    private static readonly TimeSpan LongBackoff = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_peer_that_dials_us_is_answered_without_waiting_out_the_redial_backoff()
    {
        await using var a = await TcpTestNode.CreateAsync("a", s => s with { ReconnectBackoffMin = LongBackoff, ReconnectBackoffMax = LongBackoff });
        var b = await TcpTestNode.CreateAsync("b");
        Assert.True(a.Transport.Send(a.To(b, 0)));
        b.WaitFor(0);
        var address = b.Address;

        b.Transport.Abort();
        Eventually.That(() => !a.Transport.HasOutboundConnection(address), "A to notice that B's connection broke");
        Assert.True(a.Transport.Send(a.To(address, 1)));
        Eventually.That(
            () => a.Log.Lines().Any(line => line.StartsWith($"Reconnecting to {address} in ", StringComparison.Ordinal)),
            "A to wait out its redial backoff to B");

        await using var successor = await TcpTestNode.CreateAsync("b", s => s with { Port = address.Port!.Value });
        Assert.Equal(address, successor.Address);
        Assert.True(successor.Transport.Send(successor.To(a, 10)));
        a.WaitFor(10);
        var question = Assert.Single(a.Events.Messages);
        Assert.Equal(successor.Identity, question.Peer);

        Assert.True(a.Transport.Send(a.To(question.Peer.Address, 11)));
        successor.WaitFor(11);
        Assert.Equal([1, 11], successor.Received());
        Assert.True(a.Transport.HasOutboundConnection(address));
    }
}
