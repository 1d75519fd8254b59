using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon;

/// <summary>The text, a file, an include or a path expression could not be parsed or loaded.</summary>
public sealed class HoconParseException : HoconException
{
    public HoconParseException()
    {
    }

    public HoconParseException(string message)
        : base(message)
    {
    }

    public HoconParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconParseException(string reason, HoconOrigin origin, Exception? innerException = null)
        : base(reason, origin, innerException)
    {
    }
}
