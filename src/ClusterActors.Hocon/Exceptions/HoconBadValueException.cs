using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon;

/// <summary>A value has the right type but cannot be used: bad duration or size unit, number out of range, not a whole number.</summary>
public sealed class HoconBadValueException : HoconException
{
    public HoconBadValueException()
    {
    }

    public HoconBadValueException(string message)
        : base(message)
    {
    }

    public HoconBadValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconBadValueException(string path, string reason, HoconOrigin origin)
        : base(reason, origin) => Path = path;

    public string? Path { get; }
}
