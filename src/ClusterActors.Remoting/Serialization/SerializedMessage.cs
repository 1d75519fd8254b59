namespace ClusterActors.Remoting;

/// <summary>A message serialized for the wire: its registered type id and its JSON payload.</summary>
public sealed record SerializedMessage(string TypeId, ReadOnlyMemory<byte> Payload);
