namespace ClusterActors.Remoting;

/// <summary>The wire-protocol versions a node can speak, <see cref="Min"/>..<see cref="Max"/> inclusive (each 1..65535).</summary>
public readonly record struct ProtocolVersionRange
{
    /// <summary>Creates the range; throws unless 1 ≤ <paramref name="min"/> ≤ <paramref name="max"/> ≤ 65535.</summary>
    public ProtocolVersionRange(int min, int max)
    {
        if (min is < 1 or > ushort.MaxValue || max is < 1 or > ushort.MaxValue || min > max)
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"A protocol version range needs 1 <= min <= max <= {ushort.MaxValue}; got {min}..{max}.");
        }

        Min = min;
        Max = max;
    }

    /// <summary>The oldest version spoken.</summary>
    public int Min { get; }

    /// <summary>The newest version spoken.</summary>
    public int Max { get; }

    /// <summary>True when <paramref name="version"/> is in the range.</summary>
    public bool Contains(int version) => version >= Min && version <= Max;

    /// <summary>The highest version both ranges contain, or null when they do not overlap.</summary>
    public int? HighestCommon(ProtocolVersionRange other)
    {
        var highest = Math.Min(Max, other.Max);
        return highest >= Math.Max(Min, other.Min) ? highest : null;
    }

    /// <summary>The range as <c>min..max</c>.</summary>
    public override string ToString() => $"{Min}..{Max}";
}
