using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>What the in-memory network hands to a node: a message, or news that a run of a peer is gone.</summary>
internal abstract record Inbound;

/// <summary>A message on its way, with the transport that sent it (whose counters a loss is charged to).</summary>
internal sealed record MessageInFlight(InMemoryTransport Sender, OutboundEnvelope Envelope) : Inbound;

/// <summary>A peer's goodbye: run <paramref name="Incarnation"/> at <paramref name="Address"/> shut down; raised only by nodes that know that run.</summary>
internal sealed record ShutdownNotice(Address Address, long Incarnation) : Inbound;

/// <summary>A gone run this node found out about itself (e.g. on send) and already marked gone: raised as is.</summary>
internal sealed record IncarnationGoneNotice(Address Address, long Incarnation, string Reason) : Inbound;

/// <summary>What travels on one link of the network: the content and the run of the target it may be handed to (never to a successor).</summary>
internal readonly record struct Transmission(Address To, long ToIncarnation, Inbound Content);
