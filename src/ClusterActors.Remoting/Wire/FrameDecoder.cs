using System.Buffers;
using System.Buffers.Binary;

namespace ClusterActors.Remoting;

/// <summary>Reads frames from a growing receive buffer (e.g. a <c>PipeReader</c>'s), without copying payloads, and refuses malformed ones.</summary>
/// <remarks>
/// Usage: <c>while (decoder.TryReadFrame(ref buffer, out var frame)) { ... }</c>, then advance the
/// reader to <c>buffer.Start</c> (consumed) and <c>buffer.End</c> (examined). A bad length or kind is
/// refused as soon as its bytes arrive, before the body is buffered. Every refusal is counted and
/// logged through <see cref="Diagnostics"/> and thrown as <see cref="MalformedFrameException"/>:
/// the caller closes the connection. Not thread-safe: one decoder per connection.
/// </remarks>
public sealed class FrameDecoder
{
    private const int HeaderSize = FrameLimits.LengthPrefixSize + 1;

    // Envelopes on one connection repeat the same few paths and type ids: decode each once.
    private readonly WireStringCache strings = new();

    /// <summary>Creates a decoder accepting bodies (kind byte + payload) of at most <paramref name="maxFrameSize"/> bytes.</summary>
    public FrameDecoder(int maxFrameSize, PeerDiagnostics diagnostics)
    {
        FrameLimits.Validate(maxFrameSize);
        ArgumentNullException.ThrowIfNull(diagnostics);
        MaxFrameSize = maxFrameSize;
        Diagnostics = diagnostics;
    }

    /// <summary>The largest body accepted.</summary>
    public int MaxFrameSize { get; }

    /// <summary>Where refusals are counted and logged.</summary>
    public PeerDiagnostics Diagnostics { get; }

    /// <summary>
    /// Takes one complete frame off the front of <paramref name="buffer"/>: true and <paramref name="buffer"/>
    /// moved past it, or false (buffer untouched) when more bytes are needed.
    /// </summary>
    /// <exception cref="MalformedFrameException">The bytes at the front are not a frame.</exception>
    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out Frame frame)
    {
        frame = default;
        if (buffer.Length < FrameLimits.LengthPrefixSize)
        {
            return false;
        }

        Span<byte> scratch = stackalloc byte[HeaderSize];
        var available = (int)Math.Min(buffer.Length, HeaderSize);
        scoped ReadOnlySpan<byte> header;
        if (buffer.FirstSpan.Length >= available)
        {
            header = buffer.FirstSpan[..available];
        }
        else
        {
            buffer.Slice(0, available).CopyTo(scratch);
            header = scratch[..available];
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length < 0)
        {
            throw Refuse(FrameError.NegativeLength, $"the length prefix 0x{(uint)length:x8} is negative as a signed 32-bit length.");
        }

        if (length == 0)
        {
            throw Refuse(FrameError.EmptyFrame, "the length prefix is 0: a frame needs at least its kind byte.");
        }

        if (length > MaxFrameSize)
        {
            throw Refuse(FrameError.Oversized, $"the length prefix declares {length} bytes; the maximum frame size is {MaxFrameSize}.");
        }

        if (available == HeaderSize && !FrameKinds.IsKnown(header[FrameLimits.LengthPrefixSize]))
        {
            throw Refuse(FrameError.UnknownKind, $"kind byte 0x{header[FrameLimits.LengthPrefixSize]:x2} is not a frame kind this node knows.");
        }

        var total = (long)FrameLimits.LengthPrefixSize + length;
        if (buffer.Length < total)
        {
            return false;
        }

        frame = new Frame((FrameKind)header[FrameLimits.LengthPrefixSize], buffer.Slice(HeaderSize, length - 1));
        buffer = buffer.Slice(total);
        Diagnostics.CountFrameIn();
        return true;
    }

    /// <summary>Call when the stream has ended: bytes left over are a frame cut short, refused like any malformed frame.</summary>
    /// <exception cref="MalformedFrameException"><paramref name="remaining"/> is not empty.</exception>
    public void CompleteAtEndOfStream(ReadOnlySequence<byte> remaining)
    {
        if (remaining.IsEmpty)
        {
            return;
        }

        if (remaining.Length < FrameLimits.LengthPrefixSize)
        {
            throw Refuse(FrameError.TruncatedStream, $"the stream ended after {remaining.Length} of the {FrameLimits.LengthPrefixSize} length-prefix bytes.");
        }

        Span<byte> prefix = stackalloc byte[FrameLimits.LengthPrefixSize];
        remaining.Slice(0, FrameLimits.LengthPrefixSize).CopyTo(prefix);
        var length = BinaryPrimitives.ReadInt32BigEndian(prefix);
        throw Refuse(FrameError.TruncatedStream, $"the stream ended {remaining.Length - FrameLimits.LengthPrefixSize} bytes into a frame of {length} bytes.");
    }

    /// <summary>Decodes a Message frame's envelope; the payload stays in the receive buffer.</summary>
    /// <exception cref="MalformedFrameException">The frame is no Message or breaks the envelope layout.</exception>
    public EnvelopeView ReadEnvelope(in Frame frame)
    {
        RequireKind(frame, FrameKind.Message);
        try
        {
            return EnvelopeCodec.Read(frame.Payload, strings);
        }
        catch (MalformedFrameException error)
        {
            throw Refuse(error.Error, "Message frame: " + error.Detail);
        }
    }

    /// <summary>Decodes a Close frame.</summary>
    /// <exception cref="MalformedFrameException">The frame is no Close or its reason is not UTF-8.</exception>
    public CloseNotice ReadClose(in Frame frame)
    {
        RequireKind(frame, FrameKind.Close);
        try
        {
            return CloseCodec.Read(frame.Payload);
        }
        catch (MalformedFrameException error)
        {
            throw Refuse(error.Error, "Close frame: " + error.Detail);
        }
    }

    /// <summary>Decodes a Distress frame: who announces its failure, the kind and the reason.</summary>
    /// <exception cref="MalformedFrameException">The frame is no Distress or breaks the distress layout.</exception>
    public DistressNotice ReadDistress(in Frame frame)
    {
        RequireKind(frame, FrameKind.Distress);
        try
        {
            return DistressCodec.Read(frame.Payload);
        }
        catch (MalformedFrameException error)
        {
            throw Refuse(error.Error, "Distress frame: " + error.Detail);
        }
    }

    private static void RequireKind(in Frame frame, FrameKind expected)
    {
        if (frame.Kind != expected)
        {
            throw new ArgumentException($"Expected a {expected} frame, got {frame.Kind}.", nameof(frame));
        }
    }

    private MalformedFrameException Refuse(FrameError error, string detail)
    {
        var exception = new MalformedFrameException(error, detail, Diagnostics.Peer);
        Diagnostics.ReportMalformedFrame(exception);
        return exception;
    }
}
