using System.Text.Json.Serialization;
using ClusterActors.Remoting;

namespace ClusterActors.Benchmarks.Remoting;

/// <summary>The throughput benchmarks' message: a number, so the payload is a few bytes of JSON like a small real message.</summary>
internal sealed record Ping(long Number);

/// <summary>The latency benchmark's message: its number and the <see cref="System.Diagnostics.Stopwatch"/> timestamp at which it was sent.</summary>
internal sealed record TimedPing(long Number, long SentAt);

/// <summary>Tells a local pinging actor to start; never crosses the wire.</summary>
internal sealed record StartPinging
{
    public static readonly StartPinging Instance = new();
}

/// <summary>Source-generated JSON for the benchmark messages (no reflection on the wire).</summary>
[JsonSerializable(typeof(Ping))]
[JsonSerializable(typeof(TimedPing))]
internal sealed partial class RemotingMessagesContext : JsonSerializerContext;

/// <summary>Registers the benchmark messages under stable type ids.</summary>
internal static class RemotingMessages
{
    public const string PingTypeId = "bench.ping";
    public const string TimedPingTypeId = "bench.timed-ping";

    public static MessageTypeRegistry NewRegistry()
    {
        var registry = new MessageTypeRegistry();
        registry.Register(PingTypeId, RemotingMessagesContext.Default.Ping);
        registry.Register(TimedPingTypeId, RemotingMessagesContext.Default.TimedPing);
        return registry;
    }
}
