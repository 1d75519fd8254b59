using System.Buffers;
using System.Diagnostics;
using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>The receiving side: the inbox, what a node learns from what arrives (messages and distress frames alike), and the calls to <see cref="ITransportEvents"/>.</summary>
/// <remarks>
/// Arrivals are handed over at once when nothing waits in the inbox; otherwise (not started yet, or
/// news queued by this node itself) they join the inbox, which a zero-delay timer empties in order.
/// Decisions are taken under the network's lock; the events are called outside it.
/// </remarks>
public sealed partial class InMemoryTransport
{
    private readonly Queue<Inbound> inbox = new();
    private ITimer? flushTimer;
    private bool flushArmed;
    private bool flushing;

    /// <summary>Takes something that arrived for this run; returns what to do with it now, outside the lock (nothing when it waits in the inbox).</summary>
    internal HandOff ReceiveLocked(Inbound content)
    {
        if (state != TransportState.Started || flushing || flushArmed || inbox.Count > 0)
        {
            inbox.Enqueue(content);
            ArmFlushLocked();
            return default;
        }

        return PrepareLocked(content);
    }

    /// <summary>Records that <paramref name="incarnation"/> runs at <paramref name="address"/> (learned on send); a new run retires the old one, raised through the inbox.</summary>
    internal void ObserveLocked(Address address, long incarnation)
    {
        if (Peers.Observe(address, incarnation) is long old)
        {
            inbox.Enqueue(new IncarnationGoneNotice(address, old, $"restarted as incarnation {incarnation}"));
            ArmFlushLocked();
        }
    }

    /// <summary>Calls the events for one hand-off, or counts its loss. Outside the network's lock.</summary>
    internal void Run(in HandOff handOff)
    {
        if (handOff.Loss is { } loss)
        {
            handOff.Sent!.ReportLost(loss);
            return;
        }

        if (handOff.Gone is { } gone)
        {
            RaiseGone(gone.Address, gone.Incarnation, gone.Reason);
        }

        switch (handOff.Sent)
        {
            case MessageInFlight message:
                Deliver(message, handOff.Diagnostics!);
                break;
            case DistressInFlight distress:
                Deliver(distress, handOff.Diagnostics!);
                break;
        }
    }

    private void RaiseGone(Address address, long incarnation, string reason)
    {
        InMemoryLog.IncarnationGone(logger, address.ToString(), incarnation, reason);
        try
        {
            events!.OnIncarnationGone(address, incarnation, reason);
        }
        catch (Exception error)
        {
            InMemoryLog.EventHandlerFailed(logger, address.ToString(), error);
        }
    }

    private void Deliver(MessageInFlight message, PeerDiagnostics peer)
    {
        var envelope = message.Envelope;
        var view = new EnvelopeView(envelope.Recipient, envelope.Sender, envelope.TypeId, new ReadOnlySequence<byte>(envelope.Payload));
        try
        {
            events!.OnMessage(message.Sender.LocalIdentity, peer, in view);
        }
        catch (Exception error)
        {
            InMemoryLog.EventHandlerFailed(logger, peer.Peer, error);
        }
    }

    /// <summary>Decodes a distress frame as TCP would (a bad one is counted and logged as malformed) and raises it when it names exactly its sender.</summary>
    private void Deliver(DistressInFlight distress, PeerDiagnostics peer)
    {
        var sender = distress.Sender.LocalIdentity;
        var decoder = new FrameDecoder(FrameLimits.DefaultMaxFrameSize, peer);
        var buffer = new ReadOnlySequence<byte>(distress.Frame);
        DistressNotice notice;
        try
        {
            // The sender checked the length prefix and the kind, so this is one whole Distress frame.
            decoder.TryReadFrame(ref buffer, out var frame);
            notice = decoder.ReadDistress(frame);
        }
        catch (MalformedFrameException)
        {
            // Counted and logged by the decoder; there is no connection to close here.
            return;
        }

        if (notice.NodeId != sender.NodeId || notice.Incarnation != sender.Incarnation)
        {
            peer.ReportForgedDistress(sender, notice);
            return;
        }

        peer.ReportDistressReceived(sender, notice);
        try
        {
            events!.OnDistress(sender, peer, notice);
        }
        catch (Exception error)
        {
            InMemoryLog.EventHandlerFailed(logger, peer.Peer, error);
        }
    }

    /// <summary>Decides, under the lock, what one arrival means for this run.</summary>
    private HandOff PrepareLocked(Inbound content)
    {
        switch (content)
        {
            case SentInFlight message:
                var from = message.Sender.LocalIdentity;
                if (Peers.IsGone(from.Address, from.Incarnation))
                {
                    var why = Peers.IsQuarantined(from.Address, from.Incarnation) ? "quarantined" : "gone";
                    return new HandOff(null, message, null, $"{LocalIdentity.Address} refuses incarnation {from.Incarnation} of {from.Address} ({why} there).");
                }

                // A late message from a run that has since stopped must not pass for the newest run there: a node
                // that met the new run first would otherwise retire the living one in favour of the dead.
                if (Peers.Latest(from.Address) is long latest && latest != from.Incarnation && !message.Sender.IsRunningLocked)
                {
                    Peers.MarkGone(from.Address, from.Incarnation);
                    return new HandOff(null, message, null, $"{LocalIdentity.Address} refuses incarnation {from.Incarnation} of {from.Address}: it stopped, and incarnation {latest} was seen since.");
                }

                var retired = Peers.Observe(from.Address, from.Incarnation) is long old
                    ? new IncarnationGoneNotice(from.Address, old, $"restarted as incarnation {from.Incarnation}")
                    : null;
                var peer = DiagnosticsFor(from.Address);
                if (message is MessageInFlight)
                {
                    // A distress frame is counted by the decoder that reads it.
                    peer.CountFrameIn();
                }

                return new HandOff(retired, message, peer, null);

            case ShutdownNotice notice:
                // Only nodes that know this run hear its goodbye, as over TCP only its peers do.
                return Peers.Latest(notice.Address) == notice.Incarnation && Peers.MarkGone(notice.Address, notice.Incarnation)
                    ? new HandOff(new IncarnationGoneNotice(notice.Address, notice.Incarnation, "shut down"), null, null, null)
                    : default;

            case IncarnationGoneNotice gone:
                return new HandOff(gone, null, null, null);

            default:
                throw new UnreachableException($"Unknown inbound item {content}.");
        }
    }

    private void ArmFlushLocked()
    {
        if (state != TransportState.Started || flushArmed || flushing || inbox.Count == 0)
        {
            return;
        }

        flushArmed = true;
        flushTimer ??= network.TimeProvider.CreateTimer(static transport => ((InMemoryTransport)transport!).Flush(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        flushTimer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void Flush()
    {
        var emptied = false;
        try
        {
            while (true)
            {
                HandOff next;
                lock (network.Gate)
                {
                    flushArmed = false;
                    if (state != TransportState.Started || inbox.Count == 0)
                    {
                        flushing = false;
                        emptied = true;
                        return;
                    }

                    flushing = true;
                    next = PrepareLocked(inbox.Dequeue());
                }

                Run(next);
            }
        }
        finally
        {
            if (!emptied)
            {
                lock (network.Gate)
                {
                    flushing = false;
                    ArmFlushLocked();
                }
            }
        }
    }

    /// <summary>Empties the inbox of a run that stops: its messages are lost (returned, so their senders count them).</summary>
    private void DrainInboxLocked(List<SentInFlight> lost)
    {
        while (inbox.TryDequeue(out var content))
        {
            if (content is SentInFlight message)
            {
                lost.Add(message);
            }
        }

        flushTimer?.Dispose();
        flushTimer = null;
        flushArmed = false;
    }

    /// <summary>What to do with one arrival outside the lock: raise a gone run, deliver a message or distress frame, or count its loss.</summary>
    internal readonly record struct HandOff(IncarnationGoneNotice? Gone, SentInFlight? Sent, PeerDiagnostics? Diagnostics, string? Loss);
}
