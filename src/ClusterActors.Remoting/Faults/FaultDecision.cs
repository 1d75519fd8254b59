using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>One thing a <see cref="FaultInjector"/> did to a message, for a simulator's trace.</summary>
/// <param name="Kind">What was done.</param>
/// <param name="From">The sending node.</param>
/// <param name="To">The target node.</param>
/// <param name="Envelope">The message.</param>
/// <param name="Hold">How long the copy is held before it is forwarded (delay, plus the hold-back for a reordered copy); zero otherwise.</param>
public sealed record FaultDecision(FaultKind Kind, Address From, Address To, OutboundEnvelope Envelope, TimeSpan Hold);
