using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon;

/// <summary>A substitution could not be resolved (missing, cyclic, or incompatible concatenation), or a read hit an unresolved value.</summary>
public sealed class HoconResolveException : HoconException
{
    public HoconResolveException()
    {
    }

    public HoconResolveException(string message)
        : base(message)
    {
    }

    public HoconResolveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconResolveException(string reason, HoconOrigin origin, Exception? innerException = null)
        : base(reason, origin, innerException)
    {
    }
}
