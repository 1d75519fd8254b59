namespace ClusterActors.Remoting;

/// <summary>Sending and arriving: the checks a message passes on its way, and where a loss is counted.</summary>
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
            refusal = AdmitLocked(sender, envelope, out targetIncarnation);
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

    /// <summary>Checks a message against what is live now; null when it may go, otherwise why not. Learns the target's run, as a TCP handshake would.</summary>
    private string? AdmitLocked(InMemoryTransport sender, OutboundEnvelope envelope, out long targetIncarnation)
    {
        targetIncarnation = 0;
        if (!sender.SendableLocked())
        {
            return "this node's transport has stopped.";
        }

        var self = sender.LocalIdentity;
        if (!live.TryGetValue(envelope.Target, out var target))
        {
            return $"no node is running at {envelope.Target}.";
        }

        var current = target.LocalIdentity.Incarnation;
        targetIncarnation = envelope.TargetIncarnation ?? current;
        if (sender.Peers.IsGone(envelope.Target, current))
        {
            return $"incarnation {current} of {envelope.Target} is {(sender.Peers.IsQuarantined(envelope.Target, current) ? "quarantined" : "gone")}.";
        }

        sender.ObserveLocked(envelope.Target, current);
        if (targetIncarnation != current)
        {
            return $"incarnation {targetIncarnation} of {envelope.Target} is gone (incarnation {current} runs there now).";
        }

        if (target.Peers.IsGone(self.Address, self.Incarnation))
        {
            return $"{envelope.Target} refuses this node's incarnation {self.Incarnation} ({(target.Peers.IsQuarantined(self.Address, self.Incarnation) ? "quarantined" : "gone")} there).";
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
                    ? $"{transmission.To} went away while the message was in flight."
                    : $"incarnation {transmission.ToIncarnation} of {transmission.To} went away while the message was in flight (incarnation {target.LocalIdentity.Incarnation} runs there now).";
                target = null;
            }
            else if (transmission.Content is MessageInFlight sent && sent.Sender.Peers.IsGone(transmission.To, transmission.ToIncarnation))
            {
                loss = $"incarnation {transmission.ToIncarnation} of {transmission.To} was declared gone while the message was in flight.";
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
            if (transmission.Content is MessageInFlight message)
            {
                message.Sender.ReportDropped(message.Envelope, loss);
            }

            return;
        }

        target!.Run(handOff);
    }
}
