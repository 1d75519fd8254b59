namespace ClusterActors.Remoting;

/// <summary>Exponential backoff with jitter between redials: attempt n waits about min·2^(n-1), never less than min nor more than max.</summary>
/// <remarks>Half of each wait is random ("equal jitter"), so nodes that lost a peer together do not redial in lockstep.</remarks>
internal sealed class ReconnectBackoff
{
    private readonly TimeSpan min;
    private readonly TimeSpan max;
    private readonly IRandomSource random;

    public ReconnectBackoff(TimeSpan min, TimeSpan max, IRandomSource random)
    {
        this.min = min;
        this.max = max;
        this.random = random;
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> (1 for the first redial).</summary>
    public TimeSpan Delay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(max.Ticks, min.Ticks * (double)(1L << exponent));
        var jittered = (ceiling / 2) + (NextFraction() * ceiling / 2);
        return TimeSpan.FromTicks((long)Math.Clamp(jittered, min.Ticks, max.Ticks));
    }

    private double NextFraction()
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        random.NextBytes(bytes);
        return (BitConverter.ToUInt64(bytes) >> 11) * (1.0 / (1UL << 53));
    }
}
