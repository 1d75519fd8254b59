namespace ClusterActors.Remoting;

/// <summary>The values of <see cref="RemotingCounters"/> at one moment.</summary>
/// <remarks>The distress counters come last, with defaults, so snapshots written before they existed still read the same.</remarks>
public sealed record RemotingCountersSnapshot(
    long FramesIn,
    long FramesOut,
    long MalformedFrames,
    long OversizedFrames,
    long UnknownMessageTypes,
    long UndeserializablePayloads,
    long HandshakeFailures,
    long UnknownRecipients,
    long DroppedOutbound,
    long DistressWriteFailures = 0,
    long ForgedDistressFrames = 0);
