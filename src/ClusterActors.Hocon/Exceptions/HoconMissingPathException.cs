using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon;

/// <summary>A read asked for a path that has no value. The location is the nearest enclosing object that does exist.</summary>
public sealed class HoconMissingPathException : HoconException
{
    public HoconMissingPathException()
    {
    }

    public HoconMissingPathException(string message)
        : base(message)
    {
    }

    public HoconMissingPathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconMissingPathException(string path, string reason, HoconOrigin origin)
        : base(reason, origin) => Path = path;

    /// <summary>The path that was asked for.</summary>
    public string? Path { get; }
}
