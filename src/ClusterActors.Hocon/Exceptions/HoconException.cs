using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon;

/// <summary>
/// Base of every error raised while parsing, resolving or reading HOCON. When the error has a source
/// location the message is <c>FILE:LINE:COL: reason</c> (line and column 1-based).
/// </summary>
public class HoconException : Exception
{
    public HoconException()
        : this("HOCON error")
    {
    }

    public HoconException(string message)
        : base(message) => Reason = message;

    public HoconException(string message, Exception innerException)
        : base(message, innerException) => Reason = message;

    internal HoconException(string reason, HoconOrigin origin, Exception? innerException = null)
        : base(origin + ": " + reason, innerException)
    {
        Reason = reason;
        OriginFile = origin.Description;
        Line = origin.Line;
        Column = origin.Column;
    }

    /// <summary>The file path, or the name given to a string source; null when the error has no location.</summary>
    public string? OriginFile { get; }

    /// <summary>1-based line; 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column; 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }
}
