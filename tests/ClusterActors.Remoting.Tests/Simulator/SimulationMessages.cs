using System.Text.Json.Serialization;

namespace ClusterActors.Remoting.Tests.Simulator;

/// <summary>Number <paramref name="Number"/> from run <paramref name="Run"/> of node <paramref name="From"/>.</summary>
public sealed record Sequenced(string From, int Run, int Number);

[JsonSerializable(typeof(Sequenced))]
internal sealed partial class SimulationMessagesContext : JsonSerializerContext;
