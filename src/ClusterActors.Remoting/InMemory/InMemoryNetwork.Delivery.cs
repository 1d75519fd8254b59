using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>Sending and arriving: the checks a message (or distress frame) passes on its way, and where a loss is counted.</summary>
/// <remarks>
/// A message is pinned, when sent, to the run of its target that is live then (or the one it names);
/// it is never handed to a later run at the same address. Every loss is counted once, in the sender's
/// <see cref="RemotingCounters.DroppedOutbound"/> and logged naming the target: refusals when sending
/// (<see cref="InMemoryTransport.Send"/> returns false), losses in flight at arrival.
/// </remarks>
public sealed partial class InMemoryNetwork
{
    /// <summary>Sends <paramref name="envelope"/> from <paramref name="sender"/>; false (counted and logged) when it cannot be sent.</summary>
    internal bool Send(InMemoryTransport sender, OutboundEnvelope envelope)
    {
        string? refusal;
        long targetIncarnation;
        lock (Gate)
        {
            refusal = AdmitLocked(sender, envelope.Target, envelope.TargetIncarnation, out targetIncarnation);
        }

        if (refusal is not null)
        {
            sender.ReportDropped(envelope, refusal);
            return false;
        }

        if (Faults is { } faults)
        {
            faults.Route(sender.LocalIdentity.Address, envelope, forwarded => Transmit(sender, forwarded, targetIncarnation));
        }
        else
        {
            Transmit(sender, envelope, targetIncarnation);
        }

        return true;
    }

    /// <summary>
    /// Puts a copy of a distress <paramref name="frame"/> from <paramref name="sender"/> on the link to
    /// <paramref name="target"/>, behind the messages already on it; false (counted and logged) when the
    /// target is not running, is this node, refuses it, or the fault injector blackholes the link. The
    /// injector's other faults apply to routed messages only, as over TCP, where a distress is written
    /// at once on the open connection.
    /// </summary>
    internal bool SendDistress(InMemoryTransport sender, Address target, byte[] frame)
    {
        string? refusal;
        lock (Gate)
        {
            var from = sender.LocalIdentity.Address;
            var targetIncarnation = 0L;
            refusal = target.Equals(from) && sender.SendableLocked() ? "the target is this node itself." : AdmitLocked(sender, target, null, out targetIncarnation);
            if (refusal is null && Faults?.FaultsOn(from, target).Blackholed == true)
            {
                refusal = "the fault injector blackholes the link.";
            }

            if (refusal is null)
            {
                sender.DiagnosticsFor(target).CountFrameOut();
                LinkLocked(from, target).EnqueueInOrder(new Transmission(target, targetIncarnation, new DistressInFlight(sender, target, frame)), Latency);
            }
        }

        if (refusal is not null)
        {
            sender.DiagnosticsFor(target).ReportDistressNotWritten(refusal);
            return false;
        }

        return true;
    }

    /// <summary>Checks something sent to <paramref name="to"/> (meant for <paramref name="meantFor"/>, or whichever run is live) against what is live now; null when it may go, otherwise why not. Learns the target's run, as a TCP handshake would.</summary>
    private string? AdmitLocked(InMemoryTransport sender, Address to, long? meantFor, out long targetIncarnation)
    {
        targetIncarnation = 0;
        if (!sender.SendableLocked())
        {
            return "this node's transport has stopped.";
        }

        var self = sender.LocalIdentity;
        if (!live.TryGetValue(to, out var target))
        {
            return $"no node is running at {to}.";
        }

        var current = target.LocalIdentity.Incarnation;
        targetIncarnation = meantFor ?? current;
        if (sender.Peers.IsGone(to, current))
        {
            return $"incarnation {current} of {to} is {(sender.Peers.IsQuarantined(to, current) ? "quarantined" : "gone")}.";
        }

        sender.ObserveLocked(to, current);
        if (targetIncarnation != current)
        {
            return $"incarnation {targetIncarnation} of {to} is gone (incarnation {current} runs there now).";
        }

        if (target.Peers.IsGone(self.Address, self.Incarnation))
        {
            return $"{to} refuses this node's incarnation {self.Incarnation} ({(target.Peers.IsQuarantined(self.Address, self.Incarnation) ? "quarantined" : "gone")} there).";
        }

        return null;
    }

    /// <summary>Puts a message that left the fault injector on its link: delivered after the latency, behind what is already on it.</summary>
    private void Transmit(InMemoryTransport sender, OutboundEnvelope envelope, long targetIncarnation)
    {
        lock (Gate)
        {
            // Inside the lock, so that a graceful shutdown's notice cannot pass a message sent before it.
            if (sender.IsRunningLocked)
            {
                sender.DiagnosticsFor(envelope.Target).CountFrameOut();
                LinkLocked(sender.LocalIdentity.Address, envelope.Target).EnqueueInOrder(new Transmission(envelope.Target, targetIncarnation, new MessageInFlight(sender, envelope)), Latency);
                return;
            }
        }

        sender.ReportDropped(envelope, "this node's transport stopped while the message was held by the fault injector.");
    }

    /// <summary>A transmission reached the end of its link: hand it to the target run it was meant for, or count the loss.</summary>
    private void Arrive(Transmission transmission)
    {
        string? loss = null;
        InMemoryTransport.HandOff handOff = default;
        InMemoryTransport? target;
        lock (Gate)
        {
            live.TryGetValue(transmission.To, out target);
            if (target is null || target.LocalIdentity.Incarnation != transmission.ToIncarnation)
            {
                loss = target is null
                    ? $"{transmission.To} went away while {What(transmission)} was in flight."
                    : $"incarnation {transmission.ToIncarnation} of {transmission.To} went away while {What(transmission)} was in flight (incarnation {target.LocalIdentity.Incarnation} runs there now).";
                target = null;
            }
            else if (transmission.Content is SentInFlight sent && sent.Sender.Peers.IsGone(transmission.To, transmission.ToIncarnation))
            {
                loss = $"incarnation {transmission.ToIncarnation} of {transmission.To} was declared gone while {What(transmission)} was in flight.";
                target = null;
            }
            else
            {
                handOff = target.ReceiveLocked(transmission.Content);
            }
        }

        if (loss is not null)
        {
            // A shutdown notice for a node that is gone has nobody left to tell.
            if (transmission.Content is SentInFlight lost)
            {
                lost.ReportLost(loss);
            }

            return;
        }

        target!.Run(handOff);
    }

    private static string What(in Transmission transmission) => transmission.Content is DistressInFlight ? "the distress signal" : "the message";
}
