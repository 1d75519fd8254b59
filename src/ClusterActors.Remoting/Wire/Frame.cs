using System.Buffers;

namespace ClusterActors.Remoting;

/// <summary>One decoded frame: its kind and its payload (the body after the kind byte).</summary>
/// <remarks>
/// The payload is a slice of the buffer the frame was read from, not a copy: it is valid only until
/// the reader that owns that buffer advances past it.
/// </remarks>
public readonly record struct Frame(FrameKind Kind, ReadOnlySequence<byte> Payload)
{
    /// <summary>The body length the frame's length prefix declared: the kind byte plus the payload.</summary>
    public long BodyLength => 1 + Payload.Length;
}
