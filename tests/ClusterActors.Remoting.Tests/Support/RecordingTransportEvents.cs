using ClusterActors.Actors;
using Xunit;

namespace ClusterActors.Remoting.Tests.Support;

/// <summary>An <see cref="ITransportEvents"/> that keeps what a transport delivered, for tests to wait on and inspect.</summary>
public sealed class RecordingTransportEvents : ITransportEvents
{
    private readonly object gate = new();
    private readonly List<ReceivedMessage> messages = [];
    private readonly List<GoneIncarnation> gone = [];
    private readonly List<ReceivedDistress> distress = [];

    /// <summary>Everything delivered so far, in delivery order.</summary>
    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    /// <summary>Every incarnation reported gone so far.</summary>
    public IReadOnlyList<GoneIncarnation> Gone
    {
        get
        {
            lock (gate)
            {
                return [.. gone];
            }
        }
    }

    /// <summary>Every distress notice raised so far, in order.</summary>
    public IReadOnlyList<ReceivedDistress> Distress
    {
        get
        {
            lock (gate)
            {
                return [.. distress];
            }
        }
    }

    public void OnDistress(NodeIdentity peer, PeerDiagnostics diagnostics, DistressNotice notice)
    {
        lock (gate)
        {
            distress.Add(new ReceivedDistress(peer, notice));
            Monitor.PulseAll(gate);
        }
    }

    public void OnMessage(NodeIdentity peer, PeerDiagnostics diagnostics, in EnvelopeView envelope)
    {
        var received = new ReceivedMessage(peer, envelope.ToEnvelope());
        lock (gate)
        {
            messages.Add(received);
            Monitor.PulseAll(gate);
        }
    }

    public void OnIncarnationGone(Address address, long incarnation, string reason)
    {
        lock (gate)
        {
            gone.Add(new GoneIncarnation(address, incarnation, reason));
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Waits (real time, up to <paramref name="timeout"/>) until <paramref name="condition"/> holds over this recorder; fails the test otherwise.</summary>
    public void WaitUntil(Func<RecordingTransportEvents, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
        lock (gate)
        {
            while (!condition(this))
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    Assert.Fail($"Timed out waiting for {what}: {messages.Count} messages, {distress.Count} distress notices, {gone.Count} gone incarnations recorded.");
                }

                Monitor.Wait(gate, TimeSpan.FromMilliseconds(Math.Min(left, 100)));
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived.</summary>
    public IReadOnlyList<ReceivedMessage> WaitForMessages(int count, TimeSpan? timeout = null)
    {
        WaitUntil(r => r.messages.Count >= count, $"{count} messages", timeout);
        return Messages;
    }

    /// <summary>A message as delivered, copied out of the receive buffer.</summary>
    public sealed record ReceivedMessage(NodeIdentity Peer, MessageEnvelope Envelope);

    /// <summary>A distress notice as raised, with the authenticated peer it came from.</summary>
    public sealed record ReceivedDistress(NodeIdentity Peer, DistressNotice Notice);

    /// <summary>An incarnation the transport reported gone.</summary>
    public sealed record GoneIncarnation(Address Address, long Incarnation, string Reason);
}
