namespace ClusterActors.Cluster.Distress;

/// <summary>What one request to send a distress did.</summary>
/// <param name="Kind">The failure kind asked for.</param>
/// <param name="Way">The way the failure-kind table chose (SPEC S4).</param>
/// <param name="AlreadySent">True when this node had already sent its distress; this request sent nothing.</param>
/// <param name="Members">How many members the distress goes to.</param>
/// <param name="Written">How many members it was written to; null for an asynchronous send, which returns before writing.</param>
public sealed record DistressOutcome(string Kind, DistressWay Way, bool AlreadySent, int Members, int? Written);

/// <summary>Tells <c>/system/distress</c> that this node sent its distress: it logs it and makes the membership give up every role.</summary>
internal sealed record DistressSent(string Kind, string Reason, DistressWay Way);

/// <summary>The dedicated sender finished writing an asynchronous distress.</summary>
internal sealed record DistressWritten(int Members);
