namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>
/// How every membership database keeps an <c>UpdatedAt</c>: in UTC, to the microsecond (PostgreSQL's
/// precision), so that a record reads back equal from each of them, the in-memory one included.
/// </summary>
internal static class StoredTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>The instant <paramref name="value"/> names, in UTC, truncated to the microsecond.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>Microseconds since 1970-01-01 UTC: the SQLite column's value.</summary>
    public static long ToUnixMicroseconds(DateTimeOffset value) =>
        (Normalize(value).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    /// <summary>The instant <paramref name="microseconds"/> after 1970-01-01 UTC.</summary>
    public static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * TicksPerMicrosecond), TimeSpan.Zero);
}
