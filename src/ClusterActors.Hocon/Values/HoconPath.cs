namespace ClusterActors.Hocon.Values;

/// <summary>A parsed path expression: a sequence of keys. Equality is by keys (ordinal).</summary>
internal sealed class HoconPath : IEquatable<HoconPath>
{
    private readonly string[] _segments;
    private int _hash;

    private HoconPath(string[] segments) => _segments = segments;

    public static HoconPath Root { get; } = new([]);

    public int Length => _segments.Length;

    public bool IsRoot => _segments.Length == 0;

    public string this[int index] => _segments[index];

    public IReadOnlyList<string> Segments => _segments;

    public static HoconPath Of(params string[] segments) =>
        segments.Length == 0 ? Root : new HoconPath((string[])segments.Clone());

    /// <summary>Wraps an array the caller hands over and never touches again.</summary>
    internal static HoconPath FromOwned(string[] segments) => segments.Length == 0 ? Root : new HoconPath(segments);

    public HoconPath Append(string key)
    {
        var segments = new string[_segments.Length + 1];
        Array.Copy(_segments, segments, _segments.Length);
        segments[^1] = key;
        return new HoconPath(segments);
    }

    public HoconPath Concat(HoconPath other)
    {
        if (other.IsRoot)
        {
            return this;
        }

        return IsRoot ? other : new HoconPath([.. _segments, .. other._segments]);
    }

    public HoconPath Take(int count) => count == _segments.Length ? this : new HoconPath(_segments[..count]);

    public bool StartsWith(HoconPath prefix)
    {
        if (prefix._segments.Length > _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix._segments.Length; i++)
        {
            if (!string.Equals(prefix._segments[i], _segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Renders as a HOCON path expression, quoting keys that would not read back as themselves.</summary>
    public string Render() => string.Join('.', _segments.Select(RenderKey));

    /// <summary>Keys joined with a separator and no quoting (environment variable names, IConfiguration keys).</summary>
    public string Join(string separator) => string.Join(separator, _segments);

    public static string RenderKey(string key) => NeedsQuotes(key) ? QuotedText.Quote(key) : key;

    private static bool NeedsQuotes(string key)
    {
        if (key.Length == 0 || key.Contains("//", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var c in key)
        {
            if (c == '.' || c == '\n' || QuotedText.IsReserved(c) || QuotedText.IsWhitespace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    public bool Equals(HoconPath? other)
    {
        if (other is null || other._segments.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < _segments.Length; i++)
        {
            if (!string.Equals(other._segments[i], _segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is HoconPath other && Equals(other);

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = new HashCode();
            foreach (var s in _segments)
            {
                hash.Add(s, StringComparer.Ordinal);
            }

            _hash = hash.ToHashCode() | 1;
        }

        return _hash;
    }

    public override string ToString() => Render();
}
