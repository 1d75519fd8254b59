using System.Buffers;

namespace ClusterActors.Remoting;

/// <summary>A decoded Message frame whose payload still lies in the receive buffer (no copy).</summary>
/// <remarks>Valid only until the reader advances past the frame; use <see cref="ToEnvelope"/> to keep it longer.</remarks>
public readonly record struct EnvelopeView(string Recipient, string? Sender, string TypeId, ReadOnlySequence<byte> Payload)
{
    /// <summary>An owned copy that outlives the receive buffer.</summary>
    public MessageEnvelope ToEnvelope() => new(Recipient, Sender, TypeId, Payload.ToArray());
}
