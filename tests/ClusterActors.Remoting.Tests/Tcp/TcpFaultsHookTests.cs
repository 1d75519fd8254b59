using Xunit;

namespace ClusterActors.Remoting.Tests.Tcp;

public sealed class TcpFaultsHookTests
{
    [Fact]
    public async Task With_a_fault_injector_that_injects_nothing_every_message_still_arrives()
    {
        var faults = new FaultInjector(TimeProvider.System, seed: 1);
        await using var a = await TcpTestNode.CreateAsync("a", s => s with { Faults = faults });
        await using var b = await TcpTestNode.CreateAsync("b", s => s with { Faults = faults });

        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(a.Transport.Send(a.To(b, i)));
            Assert.True(b.Transport.Send(b.To(a, i)));
        }

        b.Events.WaitForMessages(1_000);
        a.Events.WaitForMessages(1_000);
        Assert.Equal(Enumerable.Range(0, 1_000), b.Received().Order());
        Assert.Equal(Enumerable.Range(0, 1_000), a.Received().Order());
    }

    [Fact]
    public async Task Through_a_fault_injector_a_send_the_transport_refuses_at_once_still_returns_false()
    {
        await using var a = await TcpTestNode.CreateAsync("a", s => s with { Faults = new FaultInjector(TimeProvider.System, seed: 1) });
        await using var b = await TcpTestNode.CreateAsync("b", start: false);
        a.Transport.Quarantine(b.Address, b.Identity.Incarnation, "test");

        Assert.False(a.Transport.Send(a.To(b, 1, incarnation: b.Identity.Incarnation)));
        Assert.Equal(1, a.Counters.DroppedOutbound);
    }
}
