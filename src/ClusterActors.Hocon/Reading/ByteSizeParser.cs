namespace ClusterActors.Hocon.Reading;

/// <summary>
/// HOCON byte sizes: a number and an optional unit; no unit means bytes. Per the spec, single letters
/// and "Ki/KiB/kibibyte" forms are powers of two (K = 1024), while "kB", "MB", "kilobyte" forms are
/// powers of ten (kB = 1000). Fractions are allowed ("1.5K") and truncated to whole bytes.
/// </summary>
internal static class ByteSizeParser
{
    public const string UnitList = "B, K/k/Ki/KiB (1024), kB (1000), M/m/Mi/MiB, MB, G/g/Gi/GiB, GB, T/t/Ti/TiB, TB, P/p/Pi/PiB, PB, E/e/Ei/EiB, EB, and long forms such as byte(s), kibibyte(s), kilobyte(s), mebibyte(s), megabyte(s)";

    private static readonly Dictionary<string, decimal> BytesPerUnit = BuildUnits();

    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [""] = 1m,
            ["B"] = 1m,
            ["b"] = 1m,
            ["byte"] = 1m,
            ["bytes"] = 1m,
        };
        (string Letter, string Iec, string Si)[] prefixes =
        [
            ("K", "kibi", "kilo"),
            ("M", "mebi", "mega"),
            ("G", "gibi", "giga"),
            ("T", "tebi", "tera"),
            ("P", "pebi", "peta"),
            ("E", "exbi", "exa"),
            ("Z", "zebi", "zetta"),
            ("Y", "yobi", "yotta"),
        ];
        decimal power2 = 1m, power10 = 1m;
        foreach (var (letter, iec, si) in prefixes)
        {
            power2 *= 1024m;
            power10 *= 1000m;
            var lower = letter.ToLowerInvariant();
            foreach (var name in new[] { letter, lower, letter + "i", letter + "iB", iec + "byte", iec + "bytes" })
            {
                units[name] = power2;
            }

            // The SI symbol for kilo is a lower-case k ("kB"); the others are upper case ("MB").
            var siSymbol = (letter == "K" ? "k" : letter) + "B";
            foreach (var name in new[] { siSymbol, si + "byte", si + "bytes" })
            {
                units[name] = power10;
            }
        }

        return units;
    }

    public static bool TryParse(string text, out long value, out string? error)
    {
        value = 0;
        if (!UnitSplitter.TrySplit(text, out var number, out var unit, out error))
        {
            error = $"invalid size in bytes '{text}': {error}";
            return false;
        }

        if (!BytesPerUnit.TryGetValue(unit, out var multiplier))
        {
            error = $"invalid size in bytes '{text}': unknown unit '{unit}'; valid units are {UnitList}";
            return false;
        }

        try
        {
            var bytes = decimal.Truncate(number * multiplier);
            if (bytes < long.MinValue || bytes > long.MaxValue)
            {
                error = $"size in bytes '{text}' does not fit in 64 bits";
                return false;
            }

            value = (long)bytes;
            return true;
        }
        catch (OverflowException)
        {
            error = $"size in bytes '{text}' does not fit in 64 bits";
            return false;
        }
    }
}
