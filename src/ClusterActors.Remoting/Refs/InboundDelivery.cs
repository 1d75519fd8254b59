using System.Collections.Concurrent;
using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>
/// Hands what the transport received to local actors: resolves the recipient, deserializes, turns
/// remote death watch into kernel system messages. Bad input is counted, logged with the peer and
/// dropped; it never reaches an actor and never stops delivery from other peers.
/// </summary>
internal sealed class InboundDelivery(RemoteRefs refs, MessageSerializer serializer) : ITransportEvents
{
    private const int MaxCachedRecipients = 10_000;

    private readonly ConcurrentDictionary<string, LocalActorRef> recipientCache = new(StringComparer.Ordinal);

    public void OnMessage(NodeIdentity peer, PeerDiagnostics diagnostics, in EnvelopeView envelope)
    {
        var recipient = ResolveRecipient(envelope.Recipient);
        if (recipient is null)
        {
            RefuseUnknownRecipient(peer, diagnostics, envelope);
            return;
        }

        object message;
        IActorRef? sender;
        try
        {
            using var scope = RefSerializationScope.Enter(refs, peer);
            message = serializer.Deserialize(envelope, diagnostics);
            sender = envelope.Sender is null ? null : refs.ResolveSender(envelope.Sender, peer);
        }
        catch (Exception error) when (error is UnknownMessageTypeException or UndeserializablePayloadException)
        {
            // Counted and logged by the serializer.
            return;
        }
        catch (Exception error) when (error is FormatException or ArgumentException)
        {
            diagnostics.ReportUndeserializablePayload(envelope.Recipient, envelope.TypeId, $"bad sender path '{envelope.Sender}': {error.Message}");
            return;
        }

        switch (message)
        {
            case RemoteWatch watch:
                if (WatcherRef(watch.Watcher, peer, diagnostics, envelope) is { } watcher)
                {
                    refs.Watches.AddIncoming(recipient, watcher);
                    recipient.SendSystemMessage(new Watch(recipient, watcher));
                }

                break;
            case RemoteUnwatch unwatch:
                if (WatcherRef(unwatch.Watcher, peer, diagnostics, envelope) is { } unwatcher)
                {
                    refs.Watches.RemoveIncoming(recipient, unwatcher);
                    recipient.SendSystemMessage(new Unwatch(recipient, unwatcher));
                }

                break;
            case RemoteDeathWatchNotification notification:
                if (WatcherRef(notification.Actor, peer, diagnostics, envelope) is { } terminated)
                {
                    refs.Watches.RemoveOutgoing(terminated, recipient);
                    recipient.SendSystemMessage(new DeathWatchNotification(terminated, notification.ExistenceConfirmed));
                }

                break;
            default:
                recipient.Tell(KernelMessageSurrogates.FromWire(message, refs, peer), sender);
                break;
        }
    }

    public void OnIncarnationGone(Address address, long incarnation, string reason) =>
        refs.OnIncarnationGone(address, incarnation, reason);

    /// <summary>Publishes the peer's distress on the event stream, for the membership layer to fail it over at once (SPEC S6).</summary>
    public void OnDistress(NodeIdentity peer, PeerDiagnostics diagnostics, DistressNotice notice) =>
        refs.System.EventStream.Publish(new DistressReceived(peer.Address, notice.NodeId, notice.Incarnation, notice.Kind, notice.Reason));

    /// <summary>The living local actor an envelope names, or null (unparsable, another node, no such actor or incarnation).</summary>
    private InternalActorRef? ResolveRecipient(string path)
    {
        if (recipientCache.TryGetValue(path, out var cached))
        {
            if (!cached.Cell.HasTerminated)
            {
                return cached;
            }

            recipientCache.TryRemove(path, out _);
        }

        ActorPath parsed;
        try
        {
            parsed = ActorPath.Parse(path);
        }
        catch (FormatException)
        {
            return null;
        }

        var resolved = refs.System.ResolveLocal(parsed);
        if (resolved is LocalActorRef local)
        {
            if (recipientCache.Count >= MaxCachedRecipients)
            {
                recipientCache.Clear();
            }

            recipientCache[path] = local;
        }

        return resolved;
    }

    /// <summary>A Watch for an actor that does not exist is answered at once, as the kernel does locally; anything else is counted and dropped.</summary>
    private void RefuseUnknownRecipient(NodeIdentity peer, PeerDiagnostics diagnostics, in EnvelopeView envelope)
    {
        diagnostics.ReportUnknownRecipient(envelope.Recipient, envelope.TypeId);
        if (envelope.TypeId != RemotingMessageTypes.Watch)
        {
            return;
        }

        try
        {
            using var scope = RefSerializationScope.Enter(refs, peer);
            if (serializer.Deserialize(envelope, diagnostics) is RemoteWatch watch
                && WatcherRef(watch.Watcher, peer, diagnostics, envelope) is { } watcher)
            {
                var missing = new RemoteActorRef(refs, ActorPath.Parse(watch.Watchee), incarnation: null);
                watcher.SendSystemMessage(new DeathWatchNotification(missing, ExistenceConfirmed: false));
            }
        }
        catch (Exception error) when (error is UnknownMessageTypeException or UndeserializablePayloadException or FormatException)
        {
            // Counted and logged where detected (a bad watchee path is no worse than the unknown recipient already counted).
        }
    }

    /// <summary>A ref on the peer named inside a death-watch record, or null (counted) when the record names something else.</summary>
    private RemoteActorRef? WatcherRef(string path, NodeIdentity peer, PeerDiagnostics diagnostics, in EnvelopeView envelope)
    {
        try
        {
            if (refs.ResolveFromWire(path, peer) is RemoteActorRef remote)
            {
                return remote;
            }
        }
        catch (Exception error) when (error is FormatException or ArgumentException)
        {
            diagnostics.ReportUndeserializablePayload(envelope.Recipient, envelope.TypeId, $"bad actor path '{path}': {error.Message}");
            return null;
        }

        diagnostics.ReportUndeserializablePayload(envelope.Recipient, envelope.TypeId, $"'{path}' is not an actor on a remote node");
        return null;
    }
}
