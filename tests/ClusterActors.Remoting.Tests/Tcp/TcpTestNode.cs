using System.Globalization;
using System.Text;
using ClusterActors.Actors;
using ClusterActors.Remoting.Tests.Support;

namespace ClusterActors.Remoting.Tests.Tcp;

/// <summary>A TCP transport on loopback with a recorder for what it delivers and a capturing log; disposing aborts it.</summary>
public sealed class TcpTestNode : IAsyncDisposable
{
    public const string PayloadTypeId = "test.sequence";

    private TcpTestNode(TcpTransport transport, CapturingLoggerFactory logs)
    {
        Transport = transport;
        Logs = logs;
    }

    public TcpTransport Transport { get; }

    public RecordingTransportEvents Events { get; } = new();

    public CapturingLoggerFactory Logs { get; }

    public CapturingLogger Log => Logs.Logger;

    public NodeIdentity Identity => Transport.LocalIdentity;

    public Address Address => Identity.Address;

    public RemotingCounters Counters => Transport.Counters;

    /// <summary>Settings for a test node: the shared test secret, port 0, quick backoffs.</summary>
    public static TcpTransportSettings Settings(string nodeId, CapturingLoggerFactory? logs = null) => new()
    {
        SystemName = "cluster",
        NodeId = nodeId,
        Incarnation = NodeIncarnation.New(CryptoRandomSource.Instance),
        SoftwareVersion = "0.1.0",
        Secret = TestNodes.Secret,
        ReconnectBackoffMin = TimeSpan.FromMilliseconds(10),
        ReconnectBackoffMax = TimeSpan.FromMilliseconds(200),
        LoggerFactory = logs ?? new CapturingLoggerFactory(),
    };

    /// <summary>Binds a node, and starts it unless <paramref name="start"/> is false (then it listens but does not answer: connections wait in the backlog).</summary>
    public static async Task<TcpTestNode> CreateAsync(string nodeId, Func<TcpTransportSettings, TcpTransportSettings>? configure = null, bool start = true)
    {
        var logs = new CapturingLoggerFactory();
        var settings = Settings(nodeId, logs);
        var node = new TcpTestNode(new TcpTransport(configure?.Invoke(settings) ?? settings), logs);
        await node.Transport.BindAsync();
        if (start)
        {
            node.Start();
        }

        return node;
    }

    public void Start() => Transport.Start(Events);

    /// <summary>A message to <paramref name="target"/> whose payload is <paramref name="sequence"/> as text.</summary>
    public OutboundEnvelope To(Address target, int sequence, bool isSystem = false, long? incarnation = null) => new(
        target,
        incarnation,
        $"{target}/user/inbox",
        $"{Address}/user/outbox",
        PayloadTypeId,
        Encoding.UTF8.GetBytes(sequence.ToString(CultureInfo.InvariantCulture)),
        isSystem);

    public OutboundEnvelope To(TcpTestNode target, int sequence, bool isSystem = false, long? incarnation = null) =>
        To(target.Address, sequence, isSystem, incarnation);

    /// <summary>The sequence numbers delivered to this node so far, in delivery order.</summary>
    public List<int> Received() => [.. Events.Messages.Select(m => Sequence(m.Envelope))];

    public static int Sequence(MessageEnvelope envelope) =>
        int.Parse(Encoding.UTF8.GetString(envelope.Payload.Span), CultureInfo.InvariantCulture);

    /// <summary>Waits until a message with <paramref name="sequence"/> was delivered.</summary>
    public void WaitFor(int sequence) =>
        Events.WaitUntil(e => e.Messages.Any(m => Sequence(m.Envelope) == sequence), $"message {sequence} at {Identity.NodeId}");

    public ValueTask DisposeAsync()
    {
        Transport.Abort();
        return ValueTask.CompletedTask;
    }
}
