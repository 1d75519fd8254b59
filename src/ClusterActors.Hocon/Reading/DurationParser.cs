namespace ClusterActors.Hocon.Reading;

/// <summary>
/// HOCON durations: a number and an optional unit (ns, us, ms, s, m, h, d and their long forms such
/// as "nanoseconds", "millis", "minutes", "days"); no unit means milliseconds. Precision is
/// TimeSpan's 100 ns tick (finer parts are truncated).
/// </summary>
internal static class DurationParser
{
    public const string UnitList = "ns, us, ms, s, m, h, d (or nanosecond(s), nano(s), microsecond(s), micro(s), millisecond(s), milli(s), second(s), minute(s), hour(s), day(s))";

    private static readonly Dictionary<string, decimal> NanosPerUnit = BuildUnits();

    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal nanos, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = nanos;
            }
        }

        Add(1m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(1_000m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(1_000_000m, "", "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(1_000_000_000m, "s", "second", "seconds");
        Add(60_000_000_000m, "m", "minute", "minutes");
        Add(3_600_000_000_000m, "h", "hour", "hours");
        Add(86_400_000_000_000m, "d", "day", "days");
        return units;
    }

    /// <param name="text">The duration text.</param>
    /// <param name="value">The parsed duration.</param>
    /// <param name="error">Why parsing failed.</param>
    /// <param name="requireUnit">True to accept only text with an explicit unit (used when guessing which strings are durations).</param>
    public static bool TryParse(string text, out TimeSpan value, out string? error, bool requireUnit = false)
    {
        value = default;
        if (!UnitSplitter.TrySplit(text, out var number, out var unit, out error))
        {
            error = $"invalid duration '{text}': {error}";
            return false;
        }

        if (!NanosPerUnit.TryGetValue(unit, out var nanos) || (requireUnit && unit.Length == 0))
        {
            error = $"invalid duration '{text}': unknown unit '{unit}'; valid units are {UnitList}";
            return false;
        }

        try
        {
            var ticks = decimal.Truncate(number * nanos / 100m);
            if (ticks < TimeSpan.MinValue.Ticks || ticks > TimeSpan.MaxValue.Ticks)
            {
                error = $"duration '{text}' is out of range";
                return false;
            }

            value = TimeSpan.FromTicks((long)ticks);
            return true;
        }
        catch (OverflowException)
        {
            error = $"duration '{text}' is out of range";
            return false;
        }
    }

    /// <summary>A bare number means milliseconds.</summary>
    public static bool TryFromMilliseconds(double milliseconds, out TimeSpan value)
    {
        var ticks = milliseconds * TimeSpan.TicksPerMillisecond;
        if (!double.IsFinite(ticks) || ticks < TimeSpan.MinValue.Ticks || ticks >= TimeSpan.MaxValue.Ticks)
        {
            value = default;
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }
}
