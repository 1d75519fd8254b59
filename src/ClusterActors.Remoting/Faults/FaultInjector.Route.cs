using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>Routing: what happens to each message on its link.</summary>
public sealed partial class FaultInjector
{
    private readonly Lock diceGate = new();
    private readonly Random dice;

    /// <summary>
    /// Decides what happens to <paramref name="envelope"/> on the link from <paramref name="from"/> to its target:
    /// <paramref name="forward"/> is called zero times (dropped), once, or more (duplicated), now or later (delayed).
    /// </summary>
    /// <remarks>
    /// A link without faults (and nothing held back) forwards at once, on the caller's thread, without
    /// allocating. Otherwise, in this order: a blackholed link drops; the drop dice may drop; the
    /// duplicate dice may make two copies; each copy is either held back out of order (the reorder dice,
    /// by the delay plus a random part of the window) or goes through the link's FIFO (after the delay,
    /// behind everything held in order before it). Delayed copies are forwarded from a timer of the
    /// injector's <see cref="TimeProvider"/>.
    /// </remarks>
    public void Route(Address from, OutboundEnvelope envelope, Action<OutboundEnvelope> forward)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(forward);
        var map = Volatile.Read(ref links);
        if (map.Count == 0 || !map.TryGetValue((from, envelope.Target), out var link))
        {
            forward(envelope);
            return;
        }

        var faults = link.Faults;
        if (faults.IsNone && link.IsClear)
        {
            forward(envelope);
            return;
        }

        RouteFaulty(from, link, faults, envelope, forward);
    }

    private void RouteFaulty(Address from, FaultLink link, LinkFaults faults, OutboundEnvelope envelope, Action<OutboundEnvelope> forward)
    {
        if (faults.Blackholed)
        {
            Decide(FaultKind.Blackholed, from, envelope, TimeSpan.Zero);
            return;
        }

        var fate = Roll(faults);
        if (fate.Dropped)
        {
            Decide(FaultKind.Dropped, from, envelope, TimeSpan.Zero);
            return;
        }

        if (fate.Duplicated)
        {
            Decide(FaultKind.Duplicated, from, envelope, TimeSpan.Zero);
        }

        Pass(from, link, faults.Delay, fate.FirstHoldBack, envelope, forward);
        if (fate.Duplicated)
        {
            Pass(from, link, faults.Delay, fate.SecondHoldBack, envelope, forward);
        }
    }

    private void Pass(Address from, FaultLink link, TimeSpan delay, TimeSpan holdBack, OutboundEnvelope envelope, Action<OutboundEnvelope> forward)
    {
        if (holdBack > TimeSpan.Zero)
        {
            Decide(FaultKind.Reordered, from, envelope, delay + holdBack);
            link.Held.EnqueueOutOfOrder(new FaultLink.HeldMessage(envelope, forward), delay + holdBack);
        }
        else if (delay > TimeSpan.Zero)
        {
            Decide(FaultKind.Delayed, from, envelope, delay);
            link.Held.EnqueueInOrder(new FaultLink.HeldMessage(envelope, forward), delay);
        }
        else if (link.IsClear)
        {
            forward(envelope);
        }
        else
        {
            // The link's delay was lifted while messages are still held: this one waits its turn.
            link.Held.EnqueueInOrder(new FaultLink.HeldMessage(envelope, forward), TimeSpan.Zero);
        }
    }

    private void Decide(FaultKind kind, Address from, OutboundEnvelope envelope, TimeSpan hold)
    {
        Counters.Count(kind);
        DecisionObserver?.Invoke(new FaultDecision(kind, from, envelope.Target, envelope, hold));
    }

    /// <summary>Throws every die one message needs, in a fixed order, under one lock: the same seed and call order give the same fates.</summary>
    private Fate Roll(LinkFaults faults)
    {
        lock (diceGate)
        {
            if (Chance(faults.DropProbability))
            {
                return new Fate(Dropped: true, Duplicated: false, TimeSpan.Zero, TimeSpan.Zero);
            }

            var duplicated = Chance(faults.DuplicateProbability);
            var first = Chance(faults.ReorderProbability) ? HoldBack(faults.ReorderWindow) : TimeSpan.Zero;
            var second = duplicated && Chance(faults.ReorderProbability) ? HoldBack(faults.ReorderWindow) : TimeSpan.Zero;
            return new Fate(Dropped: false, duplicated, first, second);
        }
    }

    /// <summary>Called under <see cref="diceGate"/>; certain outcomes throw no die.</summary>
    private bool Chance(double probability) => probability > 0 && (probability >= 1 || dice.NextDouble() < probability);

    /// <summary>Called under <see cref="diceGate"/>: between 1 tick and <paramref name="window"/>: never zero, so a held-back message is really held back.</summary>
    private TimeSpan HoldBack(TimeSpan window) => TimeSpan.FromTicks(1 + dice.NextInt64(window.Ticks));

    private readonly record struct Fate(bool Dropped, bool Duplicated, TimeSpan FirstHoldBack, TimeSpan SecondHoldBack);
}
