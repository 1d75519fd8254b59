using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>One serialized message on its way to another node.</summary>
/// <param name="Target">The node the message goes to (a <c>ca.tcp</c> address).</param>
/// <param name="TargetIncarnation">The incarnation of that node the sender meant, or null for whichever incarnation is current. A message for an incarnation that is gone is dropped, never delivered to its successor.</param>
/// <param name="Recipient">The recipient's path in serialization format.</param>
/// <param name="Sender">The sender's path in serialization format, if any.</param>
/// <param name="TypeId">The registered message type id.</param>
/// <param name="Payload">The message as JSON.</param>
/// <param name="IsSystem">Death-watch traffic: queued ahead of ordinary messages and never dropped to make room for them.</param>
public sealed record OutboundEnvelope(
    Address Target,
    long? TargetIncarnation,
    string Recipient,
    string? Sender,
    string TypeId,
    ReadOnlyMemory<byte> Payload,
    bool IsSystem = false);
