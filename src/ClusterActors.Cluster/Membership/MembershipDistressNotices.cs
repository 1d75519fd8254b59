namespace ClusterActors.Cluster.Membership;

/// <summary>From /system/distress on a survivor: Run sent a distress signal — proof that it failed, not that it is partitioned (SPEC S6).</summary>
public sealed record MemberDistressed(ClusterMember Run, string Kind, string Reason);

/// <summary>From /system/distress on the node that sent the distress: give up every role and stay offline (SPEC S5).</summary>
public sealed record OwnDistressSent(string Kind, string Reason);
