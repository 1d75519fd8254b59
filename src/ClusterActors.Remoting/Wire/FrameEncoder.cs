using System.Buffers;
using System.Buffers.Binary;

namespace ClusterActors.Remoting;

/// <summary>Writes frames into an <see cref="IBufferWriter{T}"/>, so a transport can batch many frames into one socket write.</summary>
/// <remarks>
/// Each frame is written whole with a single <c>GetSpan</c>/<c>Advance</c>, or not at all: a frame
/// the peer would refuse as oversized throws <see cref="FrameTooLargeException"/> before anything is
/// written. Not thread-safe: one writer per connection.
/// </remarks>
public sealed class FrameEncoder
{
    private const int HeaderSize = FrameLimits.LengthPrefixSize + 1;

    /// <summary>Creates an encoder whose frames have bodies (kind byte + payload) of at most <paramref name="maxFrameSize"/> bytes.</summary>
    public FrameEncoder(int maxFrameSize, PeerDiagnostics diagnostics)
    {
        FrameLimits.Validate(maxFrameSize);
        ArgumentNullException.ThrowIfNull(diagnostics);
        MaxFrameSize = maxFrameSize;
        Diagnostics = diagnostics;
    }

    /// <summary>The largest body written.</summary>
    public int MaxFrameSize { get; }

    /// <summary>Where frames out and dropped messages are counted.</summary>
    public PeerDiagnostics Diagnostics { get; }

    /// <summary>Writes one frame of <paramref name="kind"/> with <paramref name="payload"/> as its body after the kind byte.</summary>
    public void WriteFrame(IBufferWriter<byte> output, FrameKind kind, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!FrameKinds.IsKnown((byte)kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a frame kind of this protocol.");
        }

        var bodyLength = 1L + payload.Length;
        if (bodyLength > MaxFrameSize)
        {
            throw new FrameTooLargeException(kind, bodyLength, MaxFrameSize);
        }

        var span = output.GetSpan(FrameLimits.LengthPrefixSize + (int)bodyLength);
        WriteHeader(span, (int)bodyLength, kind);
        payload.CopyTo(span[HeaderSize..]);
        output.Advance(FrameLimits.LengthPrefixSize + (int)bodyLength);
        Diagnostics.CountFrameOut();
    }

    /// <summary>Writes a Message frame. A message that cannot be written is counted as dropped and thrown as <see cref="FrameTooLargeException"/> or <see cref="ArgumentException"/>.</summary>
    public void WriteMessage(IBufferWriter<byte> output, string recipient, string? sender, string typeId, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(typeId);
        int recipientBytes, typeIdBytes;
        int? senderBytes;
        try
        {
            recipientBytes = RequireNonEmpty(recipient, "recipient path");
            senderBytes = sender is null ? null : RequireNonEmpty(sender, "sender path");
            typeIdBytes = RequireNonEmpty(typeId, "message type id");
        }
        catch (ArgumentException error)
        {
            Diagnostics.ReportDroppedOutbound(recipient, typeId, error.Message);
            throw;
        }

        var headerLength = EnvelopeCodec.HeaderLength(recipientBytes, senderBytes, typeIdBytes);
        var bodyLength = 1L + headerLength + payload.Length;
        if (bodyLength > MaxFrameSize)
        {
            var error = new FrameTooLargeException(FrameKind.Message, bodyLength, MaxFrameSize, $"'{typeId}' message to {recipient}");
            Diagnostics.ReportDroppedOutbound(recipient, typeId, error.Message);
            throw error;
        }

        var span = output.GetSpan(FrameLimits.LengthPrefixSize + (int)bodyLength);
        WriteHeader(span, (int)bodyLength, FrameKind.Message);
        var rest = EnvelopeCodec.WriteHeader(span[HeaderSize..], recipient, recipientBytes, sender, senderBytes ?? 0, typeId, typeIdBytes);
        payload.CopyTo(rest);
        output.Advance(FrameLimits.LengthPrefixSize + (int)bodyLength);
        Diagnostics.CountFrameOut();
    }

    /// <summary>Writes a Message frame for <paramref name="envelope"/>.</summary>
    public void WriteMessage(IBufferWriter<byte> output, MessageEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        WriteMessage(output, envelope.Recipient, envelope.Sender, envelope.TypeId, envelope.Payload.Span);
    }

    /// <summary>Writes a Close frame; a reason longer than 512 UTF-8 bytes is cut.</summary>
    public void WriteClose(IBufferWriter<byte> output, CloseCode code, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        WriteFrame(output, FrameKind.Close, CloseCodec.Encode(code, reason));
    }

    private static int RequireNonEmpty(string value, string field) =>
        value.Length == 0
            ? throw new ArgumentException($"The {field} must not be empty.", field)
            : WireStrings.ByteCount(value, field);

    private static void WriteHeader(Span<byte> span, int bodyLength, FrameKind kind)
    {
        BinaryPrimitives.WriteInt32BigEndian(span, bodyLength);
        span[FrameLimits.LengthPrefixSize] = (byte)kind;
    }
}
