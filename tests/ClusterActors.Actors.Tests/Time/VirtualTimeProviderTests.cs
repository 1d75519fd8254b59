using Xunit;

namespace ClusterActors.Actors.Tests.Time;

public sealed class VirtualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2030, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Fact]
    public void The_clock_moves_only_when_advanced()
    {
        var clock = new VirtualTimeProvider(Start);
        var before = clock.GetTimestamp();
        Assert.Equal(Start, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(Start.AddSeconds(90), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetElapsedTime(before));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Timers_fire_in_due_order_with_ties_in_creation_order_seeing_their_due_time()
    {
        var clock = new VirtualTimeProvider(Start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        void Add(string name, double seconds) =>
            clock.CreateTimer(_ => fired.Add((name, clock.GetUtcNow())), null, TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);
        Add("c", 3);
        Add("a", 1);
        Add("b1", 2);
        Add("b2", 2);

        Assert.Equal(Start.AddSeconds(1), clock.NextDueTime);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(["a", "b1", "b2", "c"], fired.Select(f => f.Name));
        Assert.Equal([1.0, 2, 2, 3], fired.Select(f => (f.At - Start).TotalSeconds));
        Assert.Null(clock.NextDueTime);
    }

    [Fact]
    public void Periodic_timers_re_arm()
    {
        var clock = new VirtualTimeProvider(Start);
        var ticks = 0;
        using var timer = clock.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(3, ticks);
        Assert.Equal(Start.AddSeconds(7), clock.NextDueTime);
    }

    [Fact]
    public void Change_reschedules_or_disables_and_Dispose_stops_a_timer()
    {
        var clock = new VirtualTimeProvider(Start);
        var fired = new List<string>();
        var moved = clock.CreateTimer(_ => fired.Add("moved"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        var disabled = clock.CreateTimer(_ => fired.Add("disabled"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        var disposed = clock.CreateTimer(_ => fired.Add("disposed"), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        Assert.True(moved.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan));
        Assert.True(disabled.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        disposed.Dispose();
        Assert.False(disposed.Change(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["moved"], fired);
        moved.Dispose();
        disabled.Dispose();
    }

    [Fact]
    public void A_timer_created_by_a_callback_fires_within_the_same_advance_when_due()
    {
        var clock = new VirtualTimeProvider(Start);
        var fired = new List<double>();
        clock.CreateTimer(
            _ =>
            {
                fired.Add((clock.GetUtcNow() - Start).TotalSeconds);
                clock.CreateTimer(_ => fired.Add((clock.GetUtcNow() - Start).TotalSeconds), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal([1.0, 2.0], fired);
    }

    [Fact]
    public void AdvanceToNextTimer_jumps_to_the_earliest_due_timer()
    {
        var clock = new VirtualTimeProvider(Start);
        Assert.False(clock.AdvanceToNextTimer());
        var fired = false;
        using var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromHours(3), Timeout.InfiniteTimeSpan);

        Assert.True(clock.AdvanceToNextTimer());

        Assert.True(fired);
        Assert.Equal(Start.AddHours(3), clock.GetUtcNow());
    }
}
