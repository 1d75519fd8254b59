using Xunit;

namespace ClusterActors.Remoting.Tests.Tcp;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    [Fact]
    public void Delays_start_at_the_minimum_grow_exponentially_and_stay_within_the_bounds()
    {
        var backoff = new ReconnectBackoff(Min, Max, new SeededRandomSource(3));

        Assert.Equal(Min, backoff.Delay(1));
        for (var attempt = 2; attempt <= 40; attempt++)
        {
            var ceiling = TimeSpan.FromTicks(Math.Min(Max.Ticks, Min.Ticks << Math.Min(attempt - 1, 20)));
            Assert.InRange(backoff.Delay(attempt), ceiling / 2 < Min ? Min : ceiling / 2, ceiling);
        }

        Assert.InRange(backoff.Delay(int.MaxValue), Max / 2, Max);
    }

    [Fact]
    public void The_jitter_comes_from_the_injected_random_source()
    {
        var first = new ReconnectBackoff(Min, Max, new SeededRandomSource(1));
        var replay = new ReconnectBackoff(Min, Max, new SeededRandomSource(1));
        var other = new ReconnectBackoff(Min, Max, new SeededRandomSource(2));

        var delays = Enumerable.Range(2, 8).Select(first.Delay).ToList();

        Assert.Equal(delays, Enumerable.Range(2, 8).Select(replay.Delay));
        Assert.NotEqual(delays, Enumerable.Range(2, 8).Select(other.Delay));
    }
}
