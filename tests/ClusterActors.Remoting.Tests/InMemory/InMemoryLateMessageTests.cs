using Xunit;

namespace ClusterActors.Remoting.Tests.InMemory;

public sealed class InMemoryLateMessageTests
{
    [Fact]
    public void A_late_message_from_a_stopped_run_does_not_retire_the_run_met_since()
    {
        var net = new SimulatedNetwork(latency: TimeSpan.FromMilliseconds(10));
        var y = net.Node("y");
        var x1 = net.Node("x", incarnation: 11);
        Assert.True(x1.Send(y, "late from x1"));
        net.AdvanceMs(5);

        x1.Transport.Abort();
        var x2 = net.Node("x", incarnation: 22);

        // Y meets run 22 when it sends to it, while run 11's message is still on the link (arriving at 10 ms).
        Assert.True(y.Send(x2, "y meets x2"));
        net.AdvanceMs(5);
        Assert.Empty(y.Events.Entries);
        Assert.Equal(1, x1.Counters.DroppedOutbound);
        Assert.Contains(net.Logs.Logger.Lines(), line => line.Contains("it stopped, and incarnation 22 was seen since", StringComparison.Ordinal));

        Assert.True(y.Send(x2, "y after the late message"));
        Assert.True(x2.Send(y, "x2 to y"));
        net.AdvanceMs(20);

        Assert.Equal(["msg x#22 x2 to y"], y.Events.Lines);
        Assert.Equal(["msg y#1 y meets x2", "msg y#1 y after the late message"], x2.Events.Lines);
        Assert.Equal(0, y.Counters.DroppedOutbound);
        Assert.Equal(0, x2.Counters.DroppedOutbound);
        Assert.Equal(1, x1.Counters.DroppedOutbound);
    }
}
