namespace ClusterActors.Remoting;

/// <summary>The values of <see cref="RemotingCounters"/> at one moment.</summary>
public sealed record RemotingCountersSnapshot(
    long FramesIn,
    long FramesOut,
    long MalformedFrames,
    long OversizedFrames,
    long UnknownMessageTypes,
    long UndeserializablePayloads,
    long HandshakeFailures,
    long UnknownRecipients,
    long DroppedOutbound);
