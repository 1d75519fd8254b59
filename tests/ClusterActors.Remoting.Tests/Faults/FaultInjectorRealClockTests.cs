using ClusterActors.Remoting.Tests.InMemory;
using Xunit;
using static ClusterActors.Remoting.Tests.Faults.RouteBench;

namespace ClusterActors.Remoting.Tests.Faults;

public sealed class FaultInjectorRealClockTests
{
    [Fact]
    public async Task On_the_system_clock_a_delayed_link_keeps_each_senders_order_with_four_threads_routing_at_once()
    {
        const int Threads = 4;
        const int PerThread = 250;
        var injector = new FaultInjector(TimeProvider.System, seed: 1);
        injector.Delay(A, B, TimeSpan.FromMilliseconds(2));
        var forwarded = new WaitableList<int>(Threads * PerThread);
        Action<OutboundEnvelope> forward = envelope => forwarded.Add(Number(envelope));

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; i < PerThread; i++)
                {
                    injector.Route(A, Message(B, (t * 10_000) + i), forward);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));

        var all = await forwarded.Expected();
        Assert.Equal(Threads * PerThread, all.Count);
        for (var t = 0; t < Threads; t++)
        {
            Assert.Equal(Enumerable.Range(t * 10_000, PerThread), all.Where(n => n / 10_000 == t));
        }

        Assert.Equal(Threads * PerThread, injector.Counters.Delayed);
    }
}
