using System.Globalization;

namespace ClusterActors.Hocon.Values;

/// <summary>Where a token or value came from: a file path or source name, and a 1-based line and column.</summary>
internal sealed record HoconOrigin(string Description, int Line, int Column)
{
    public static HoconOrigin StartOf(string description) => new(description, 1, 1);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Description}:{Line}:{Column}");
}
