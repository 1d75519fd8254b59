namespace ClusterActors.Remoting;

/// <summary>Monotonic counters of a node's remoting traffic and of every kind of bad input it refused; each read is atomic.</summary>
/// <remarks>
/// Frame-level problems are counted once each: an oversized frame in <see cref="OversizedFrames"/> only,
/// any other malformed frame in <see cref="MalformedFrames"/>. A refused handshake is counted in
/// <see cref="HandshakeFailures"/> as well, because that counts connections rather than frames.
/// </remarks>
public sealed class RemotingCounters
{
    private long framesIn;
    private long framesOut;
    private long malformedFrames;
    private long oversizedFrames;
    private long unknownMessageTypes;
    private long undeserializablePayloads;
    private long handshakeFailures;
    private long unknownRecipients;
    private long droppedOutbound;
    private long distressWriteFailures;
    private long forgedDistressFrames;

    /// <summary>Well-formed frames decoded.</summary>
    public long FramesIn => Interlocked.Read(ref framesIn);

    /// <summary>Frames encoded for sending.</summary>
    public long FramesOut => Interlocked.Read(ref framesOut);

    /// <summary>Frames refused as malformed (bad length, unknown kind, bad body, stream ending inside a frame); their connection closes.</summary>
    public long MalformedFrames => Interlocked.Read(ref malformedFrames);

    /// <summary>Frames whose declared length exceeded the maximum frame size; their connection closes.</summary>
    public long OversizedFrames => Interlocked.Read(ref oversizedFrames);

    /// <summary>Messages dropped because their type id is not registered here.</summary>
    public long UnknownMessageTypes => Interlocked.Read(ref unknownMessageTypes);

    /// <summary>Messages dropped because their payload did not deserialize as their registered type.</summary>
    public long UndeserializablePayloads => Interlocked.Read(ref undeserializablePayloads);

    /// <summary>Handshakes refused, by this side or by the peer.</summary>
    public long HandshakeFailures => Interlocked.Read(ref handshakeFailures);

    /// <summary>Messages dropped because no actor lives at their recipient path.</summary>
    public long UnknownRecipients => Interlocked.Read(ref unknownRecipients);

    /// <summary>Outbound messages dropped before reaching the wire (too large, queue full, peer gone).</summary>
    public long DroppedOutbound => Interlocked.Read(ref droppedOutbound);

    /// <summary>Distress frames this node could not write (no usable connection, the timeout passed, the link is cut) or, in memory, that were lost in flight.</summary>
    public long DistressWriteFailures => Interlocked.Read(ref distressWriteFailures);

    /// <summary>Distress frames an authenticated peer sent in another node's name (or another run's): ignored.</summary>
    public long ForgedDistressFrames => Interlocked.Read(ref forgedDistressFrames);

    /// <summary>A consistent-enough copy of every counter, for the management API and for tests.</summary>
    public RemotingCountersSnapshot Snapshot() => new(
        FramesIn,
        FramesOut,
        MalformedFrames,
        OversizedFrames,
        UnknownMessageTypes,
        UndeserializablePayloads,
        HandshakeFailures,
        UnknownRecipients,
        DroppedOutbound,
        DistressWriteFailures,
        ForgedDistressFrames);

    internal void IncrementFramesIn() => Interlocked.Increment(ref framesIn);

    internal void IncrementFramesOut() => Interlocked.Increment(ref framesOut);

    internal void IncrementMalformedFrames() => Interlocked.Increment(ref malformedFrames);

    internal void IncrementOversizedFrames() => Interlocked.Increment(ref oversizedFrames);

    internal void IncrementUnknownMessageTypes() => Interlocked.Increment(ref unknownMessageTypes);

    internal void IncrementUndeserializablePayloads() => Interlocked.Increment(ref undeserializablePayloads);

    internal void IncrementHandshakeFailures() => Interlocked.Increment(ref handshakeFailures);

    internal void IncrementUnknownRecipients() => Interlocked.Increment(ref unknownRecipients);

    internal void IncrementDroppedOutbound() => Interlocked.Increment(ref droppedOutbound);

    internal void IncrementDistressWriteFailures() => Interlocked.Increment(ref distressWriteFailures);

    internal void IncrementForgedDistressFrames() => Interlocked.Increment(ref forgedDistressFrames);
}
