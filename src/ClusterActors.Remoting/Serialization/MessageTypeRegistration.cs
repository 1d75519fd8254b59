using System.Text.Json.Serialization.Metadata;

namespace ClusterActors.Remoting;

/// <summary>One registered message type: its stable id, its CLR type and the source-generated metadata that (de)serializes it.</summary>
public sealed record MessageTypeRegistration(string TypeId, Type MessageType, JsonTypeInfo TypeInfo);
