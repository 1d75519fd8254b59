using System.Buffers;
using ClusterActors.Actors;
using ClusterActors.Remoting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterActors.Benchmarks.Remoting;

/// <summary>Measures the size of one real remote ping frame on the wire, so the socket baseline moves frames of the same size.</summary>
internal static class FrameSizeProbe
{
    /// <summary>Sends one ping between two fresh nodes and returns its frame's size in bytes (length prefix, kind byte and envelope).</summary>
    public static async Task<int> MeasureAsync()
    {
        FirstPingRecorder? recorder = null;
        await using var nodes = await LoopbackNodes.StartAsync(inner => recorder = new FirstPingRecorder(inner));
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        nodes.B.System.ActorOf(Props.Create(() => new RemoteEchoActor()), "echo");
        var echo = nodes.A.ResolveRef($"{nodes.B.Address}/user/echo");
        var ping = nodes.A.System.ActorOf(Props.Create(() => new PipelinedPingActor(echo, 1, 1, done)));
        ping.Tell(StartPinging.Instance);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var envelope = recorder!.First ?? throw new InvalidOperationException("The frame size probe saw no ping leave node A.");
        return FrameBytes(envelope);
    }

    /// <summary>Encodes <paramref name="envelope"/> exactly as the TCP transport's writer does and counts the bytes.</summary>
    private static int FrameBytes(OutboundEnvelope envelope)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var encoder = new FrameEncoder(FrameLimits.DefaultMaxFrameSize, new PeerDiagnostics(new RemotingCounters(), NullLogger.Instance, "frame size probe"));
        encoder.WriteMessage(buffer, envelope.Recipient, envelope.Sender, envelope.TypeId, envelope.Payload.Span);
        return buffer.WrittenCount;
    }

    /// <summary>Passes everything to the real transport and keeps the first <see cref="Ping"/> envelope it is given.</summary>
    private sealed class FirstPingRecorder(IRemoteTransport inner) : IRemoteTransport
    {
        private OutboundEnvelope? first;

        public OutboundEnvelope? First => Volatile.Read(ref first);

        public NodeIdentity LocalIdentity => inner.LocalIdentity;

        public RemotingCounters Counters => inner.Counters;

        public Task<Address> BindAsync(CancellationToken cancellationToken = default) => inner.BindAsync(cancellationToken);

        public void Start(ITransportEvents events) => inner.Start(events);

        public bool Send(OutboundEnvelope envelope)
        {
            if (envelope.TypeId == RemotingMessages.PingTypeId)
            {
                Interlocked.CompareExchange(ref first, envelope, null);
            }

            return inner.Send(envelope);
        }

        public bool WriteDistress(Address target, ReadOnlySpan<byte> frame, TimeSpan timeout) => inner.WriteDistress(target, frame, timeout);

        public void EnsureConnected(Address target) => inner.EnsureConnected(target);

        public void Quarantine(Address address, long incarnation, string reason) => inner.Quarantine(address, incarnation, reason);

        public Task ShutdownAsync(CancellationToken cancellationToken = default) => inner.ShutdownAsync(cancellationToken);

        public void Abort() => inner.Abort();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
