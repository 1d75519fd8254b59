using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>What the in-memory network hands to a node: a message, a distress signal, or news that a run of a peer is gone.</summary>
internal abstract record Inbound;

/// <summary>Something a node sent, on its way, with the transport that sent it (whose counters a loss is charged to).</summary>
internal abstract record SentInFlight(InMemoryTransport Sender) : Inbound
{
    /// <summary>Counts and logs, in the sender's counters, that this never reached its target.</summary>
    public abstract void ReportLost(string reason);
}

/// <summary>A message on its way.</summary>
internal sealed record MessageInFlight(InMemoryTransport Sender, OutboundEnvelope Envelope) : SentInFlight(Sender)
{
    public override void ReportLost(string reason) => Sender.ReportDropped(Envelope, reason);
}

/// <summary>A distress frame on its way: a copy of the bytes written, decoded when it arrives.</summary>
internal sealed record DistressInFlight(InMemoryTransport Sender, Address Target, byte[] Frame) : SentInFlight(Sender)
{
    public override void ReportLost(string reason) => Sender.DiagnosticsFor(Target).ReportDistressNotWritten($"it was written but lost on its way: {reason}");
}

/// <summary>A peer's goodbye: run <paramref name="Incarnation"/> at <paramref name="Address"/> shut down; raised only by nodes that know that run.</summary>
internal sealed record ShutdownNotice(Address Address, long Incarnation) : Inbound;

/// <summary>A gone run this node found out about itself (e.g. on send) and already marked gone: raised as is.</summary>
internal sealed record IncarnationGoneNotice(Address Address, long Incarnation, string Reason) : Inbound;

/// <summary>What travels on one link of the network: the content and the run of the target it may be handed to (never to a successor).</summary>
internal readonly record struct Transmission(Address To, long ToIncarnation, Inbound Content);
