using ClusterActors.Persistence.MembershipDatabase;

namespace ClusterActors.Persistence.Tests.MembershipDatabase;

/// <summary>Short builders for the records the membership-database tests write.</summary>
internal static class MembershipRecords
{
    /// <summary>A time with whole microseconds in UTC, so it reads back equal from every store.</summary>
    public static readonly DateTimeOffset At = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_560);

    public static NodeConfigurationRecord Node(string id, long incarnation = 1, long epoch = 1, string? url = null) =>
        new(id, $"tcp://{id}.cluster.local:2552", url, incarnation, epoch, At.AddSeconds(Math.Abs(incarnation % 100_000)));

    public static TransitionStateRecord State(string nodeId, string state = "Joined", long incarnation = 1, string? transition = null, int? level = null, int? barrier = null) =>
        new(nodeId, $"tcp://{nodeId}.cluster.local:2552", incarnation, state, transition, level, barrier);

    public static TransitionStatesRecord View(string observer, long epoch, long sequence, params TransitionStateRecord[] states) =>
        new(observer, epoch, sequence, At.AddMinutes(sequence), states);
}
