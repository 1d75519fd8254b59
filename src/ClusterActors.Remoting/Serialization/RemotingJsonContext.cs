using System.Text.Json.Serialization;

namespace ClusterActors.Remoting;

/// <summary>Source-generated JSON metadata for remoting's own messages.</summary>
[JsonSerializable(typeof(RemoteWatch))]
[JsonSerializable(typeof(RemoteUnwatch))]
[JsonSerializable(typeof(RemoteDeathWatchNotification))]
[JsonSerializable(typeof(PoisonPillWire))]
[JsonSerializable(typeof(KillWire))]
[JsonSerializable(typeof(StatusFailureWire))]
[JsonSerializable(typeof(IdentifyWire))]
[JsonSerializable(typeof(ActorIdentityWire))]
internal sealed partial class RemotingJsonContext : JsonSerializerContext;
