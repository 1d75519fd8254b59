using System.Text;
using Xunit;

namespace ClusterActors.Remoting.Tests.Tcp;

public sealed class TcpDeliveryTests
{
    [Fact]
    public async Task A_message_from_A_reaches_B_with_A_authenticated_identity_and_its_envelope_intact()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");
        var payload = Encoding.UTF8.GetBytes("{\"sequence_number\":1,\"text\":\"héllo\"}");

        Assert.True(a.Transport.Send(new OutboundEnvelope(b.Address, null, $"{b.Address}/user/echo#42", $"{a.Address}/user/asker#7", "test.ping", payload)));

        var received = Assert.Single(b.Events.WaitForMessages(1));
        Assert.Equal(a.Identity, received.Peer);
        Assert.Equal($"{b.Address}/user/echo#42", received.Envelope.Recipient);
        Assert.Equal($"{a.Address}/user/asker#7", received.Envelope.Sender);
        Assert.Equal("test.ping", received.Envelope.TypeId);
        Assert.Equal(payload, received.Envelope.Payload.ToArray());
        Assert.Empty(a.Events.Messages);
    }

    [Fact]
    public async Task Ten_thousand_messages_from_A_arrive_at_B_in_the_order_they_were_sent()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");

        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(a.Transport.Send(a.To(b, i)));
        }

        b.Events.WaitForMessages(10_000);
        Assert.Equal(Enumerable.Range(0, 10_000), b.Received());
        Assert.Equal(0, a.Counters.DroppedOutbound);
    }

    [Fact]
    public async Task Two_nodes_sending_to_each_other_at_once_each_get_the_other_s_messages_in_order()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");

        var fromB = Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                b.Transport.Send(b.To(a, i));
            }
        });
        for (var i = 0; i < 2_000; i++)
        {
            a.Transport.Send(a.To(b, i));
        }

        await fromB;
        b.Events.WaitForMessages(2_000);
        a.Events.WaitForMessages(2_000);
        Assert.Equal(Enumerable.Range(0, 2_000), b.Received());
        Assert.Equal(Enumerable.Range(0, 2_000), a.Received());
        Assert.All(b.Events.Messages, m => Assert.Equal(a.Identity, m.Peer));
        Assert.All(a.Events.Messages, m => Assert.Equal(b.Identity, m.Peer));
    }

    [Fact]
    public async Task Sends_from_many_threads_all_arrive_and_each_thread_s_messages_keep_their_order()
    {
        await using var a = await TcpTestNode.CreateAsync("a");
        await using var b = await TcpTestNode.CreateAsync("b");
        const int Threads = 4;
        const int PerThread = 1_000;

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                a.Transport.Send(a.To(b, (t * PerThread) + i));
            }
        })));

        b.Events.WaitForMessages(Threads * PerThread);
        var received = b.Received();
        Assert.Equal(Enumerable.Range(0, Threads * PerThread), received.Order());
        for (var t = 0; t < Threads; t++)
        {
            var thread = t;
            Assert.Equal(Enumerable.Range(thread * PerThread, PerThread), received.Where(n => n / PerThread == thread));
        }
    }
}
