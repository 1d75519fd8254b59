using Microsoft.Extensions.Logging;
using Xunit;

namespace ClusterActors.Remoting.Tests.Tcp;

public sealed class TcpOutboundQueueTests
{
    [Fact]
    public async Task System_envelopes_overtake_ordinary_ones_queued_while_the_peer_does_not_answer_yet()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b", start: false);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(a.Transport.Send(a.To(b, i)));
        }

        for (var i = 1000; i < 1005; i++)
        {
            Assert.True(a.Transport.Send(a.To(b, i, isSystem: true)));
        }

        b.Start();

        b.Events.WaitForMessages(55);
        Assert.Equal([.. Enumerable.Range(1000, 5), .. Enumerable.Range(0, 50)], b.Received());
    }

    [Fact]
    public async Task A_full_queue_drops_the_newest_ordinary_message_counts_it_and_Send_returns_false_but_system_messages_still_fit()
    {
        await using var a = await TcpTestNode.CreateAsync("a", s => s with { OutboundQueueCapacity = 10 });
        await using var b = await TcpTestNode.CreateAsync("b", start: false);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(a.Transport.Send(a.To(b, i)));
        }

        for (var i = 10; i < 15; i++)
        {
            Assert.False(a.Transport.Send(a.To(b, i)));
        }

        Assert.True(a.Transport.Send(a.To(b, 1000, isSystem: true)));
        Assert.Equal(5, a.Counters.DroppedOutbound);
        Assert.Equal(5, a.Log.Lines(LogLevel.Warning).Count(line => line.Contains("queue is full", StringComparison.Ordinal) && line.Contains(b.Address.ToString(), StringComparison.Ordinal)));

        b.Start();
        b.Events.WaitForMessages(11);
        Assert.True(a.Transport.Send(a.To(b, 99)));
        b.WaitFor(99);
        Assert.Equal([1000, .. Enumerable.Range(0, 10), 99], b.Received());
    }
}
