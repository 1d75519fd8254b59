using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon;

/// <summary>A read found a value of another type than asked for (including null). The location is the value's origin.</summary>
public sealed class HoconWrongTypeException : HoconException
{
    public HoconWrongTypeException()
    {
    }

    public HoconWrongTypeException(string message)
        : base(message)
    {
    }

    public HoconWrongTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconWrongTypeException(string path, string expectedType, string actualType, string reason, HoconOrigin origin)
        : base(reason, origin)
    {
        Path = path;
        ExpectedType = expectedType;
        ActualType = actualType;
    }

    public string? Path { get; }

    public string? ExpectedType { get; }

    public string? ActualType { get; }
}
