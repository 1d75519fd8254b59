namespace ClusterActors.Remoting;

/// <summary>A message as it crosses the wire: recipient path, optional sender path, stable type id and serialized payload.</summary>
/// <remarks>
/// Paths are in the kernel's serialization format (<c>ca.tcp://sys@host:port/user/a#uid</c>), kept as
/// strings here: turning them into refs is the receiving node's job. The type id is the registered
/// name, sent as a string; a negotiated short id can replace it in a later protocol version.
/// </remarks>
public sealed record MessageEnvelope(string Recipient, string? Sender, string TypeId, ReadOnlyMemory<byte> Payload);
