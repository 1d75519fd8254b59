namespace ClusterActors.Cluster.Tests.Support;

/// <summary>Waits on real time for an asynchronous condition, checking it every few milliseconds until a deadline.</summary>
public static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; throws naming <paramref name="what"/> and the last observation when <paramref name="deadline"/> passes first.</summary>
    public static async Task HoldsAsync(Func<Task<(bool Holds, string Observed)>> condition, TimeSpan deadline, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var start = TimeProvider.System.GetTimestamp();
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (true)
        {
            var (holds, observed) = await condition();
            if (holds)
            {
                return;
            }

            if (TimeProvider.System.GetElapsedTime(start) > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {deadline.TotalSeconds} s; last seen: {observed}");
            }

            await ticks.WaitForNextTickAsync();
        }
    }
}
