using System.Text;
using ClusterActors.Actors;

namespace ClusterActors.Remoting.Tests.InMemory;

/// <summary>Records what a transport reports, in one ordered list stamped with the virtual time, so tests can assert order across messages and gone runs.</summary>
public sealed class TimelineEvents(TimeProvider clock) : ITransportEvents
{
    private readonly List<TimelineEntry> entries = [];

    /// <summary>When set, a message whose text equals it makes the handler throw (after recording it).</summary>
    public string? ThrowOn { get; init; }

    public IReadOnlyList<TimelineEntry> Entries => entries;

    /// <summary>The entries as text: <c>msg host#incarnation text</c>, <c>distress host#incarnation kind: reason</c> or <c>gone host#incarnation: reason</c>.</summary>
    public IReadOnlyList<string> Lines => [.. entries.Select(entry => entry.What)];

    /// <summary>The texts of the messages from <paramref name="host"/> (every host when null), in arrival order.</summary>
    public IReadOnlyList<string> Texts(string? host = null) =>
        [.. entries.Where(e => e.Message is not null && (host is null || e.Peer!.Address.Host == host)).Select(e => e.Text!)];

    public IReadOnlyList<TimelineEntry> Gone => [.. entries.Where(e => e.GoneAddress is not null)];

    /// <summary>The distress notices raised, in order.</summary>
    public IReadOnlyList<DistressNotice> Distress => [.. entries.Where(e => e.Distress is not null).Select(e => e.Distress!)];

    public void OnMessage(NodeIdentity peer, PeerDiagnostics diagnostics, in EnvelopeView envelope)
    {
        var text = Encoding.UTF8.GetString(envelope.Payload);
        entries.Add(new TimelineEntry(Now, $"msg {peer.Address.Host}#{peer.Incarnation} {text}", peer, envelope.ToEnvelope(), text, diagnostics));
        if (text == ThrowOn)
        {
            throw new InvalidOperationException($"handler refuses '{text}'");
        }
    }

    public void OnDistress(NodeIdentity peer, PeerDiagnostics diagnostics, DistressNotice notice) =>
        entries.Add(new TimelineEntry(Now, $"distress {peer.Address.Host}#{peer.Incarnation} {notice.Kind}: {notice.Reason}", peer, null, null, diagnostics) { Distress = notice });

    public void OnIncarnationGone(Address address, long incarnation, string reason) =>
        entries.Add(new TimelineEntry(Now, $"gone {address.Host}#{incarnation}: {reason}", null, null, null, null) { GoneAddress = address });

    private TimeSpan Now => TimeSpan.FromTicks(clock.GetTimestamp());
}

/// <summary>One thing a transport reported, at a virtual time.</summary>
public sealed record TimelineEntry(TimeSpan At, string What, NodeIdentity? Peer, MessageEnvelope? Message, string? Text, PeerDiagnostics? Diagnostics)
{
    public Address? GoneAddress { get; init; }

    public DistressNotice? Distress { get; init; }
}
