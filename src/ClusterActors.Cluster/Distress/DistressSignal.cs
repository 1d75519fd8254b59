using ClusterActors.Actors;

namespace ClusterActors.Cluster.Distress;

/// <summary>
/// Sends this node's distress from any thread (SPEC S3, S4): the failure-kind table picks the way,
/// the dedicated sender writes the pre-formed frame, and <c>/system/distress</c> then makes the node
/// give up every role (S5). Safe to call from an unhandled-exception handler or a signal handler.
/// </summary>
public sealed class DistressSignal : IDistressSignal
{
    private readonly DistressSender sender;
    private readonly DistressSettings settings;
    private readonly IActorRef coordinator;

    /// <summary>Creates the signal over <paramref name="sender"/>; <paramref name="coordinator"/> hears what was sent.</summary>
    public DistressSignal(DistressSender sender, DistressSettings settings, IActorRef coordinator)
    {
        this.sender = sender ?? throw new ArgumentNullException(nameof(sender));
        this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
        this.coordinator = coordinator ?? throw new ArgumentNullException(nameof(coordinator));
    }

    /// <summary>True once this node sent its distress.</summary>
    public bool Sent => sender.Sent;

    /// <inheritdoc />
    public DistressOutcome Send(string kind, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(reason);
        var way = settings.WayFor(kind);
        if (sender.Stopped)
        {
            throw new InvalidOperationException("The distress signal has stopped: the node is shutting down");
        }

        if (!sender.TrySend(way, kind, reason))
        {
            return new DistressOutcome(kind, way, AlreadySent: true, sender.TargetCount, Written: null);
        }

        coordinator.Tell(new DistressSent(kind, reason, way));
        return new DistressOutcome(kind, way, AlreadySent: false, sender.TargetCount, way == DistressWay.Sync ? sender.Written.Result : null);
    }
}
