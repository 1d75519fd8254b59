namespace ClusterActors.Actors;

/// <summary>
/// Publish–subscribe within one actor system: an event goes to every subscriber whose channel type
/// it is an instance of (subtypes match). Subscribers that stop are removed through death watch.
/// </summary>
public sealed class EventStream
{
    private readonly Lock gate = new();
    private readonly SubscriberWatcher watcher;
    private Subscription[] subscriptions = [];

    internal EventStream(ActorSystem system)
    {
        watcher = new SubscriberWatcher(this, system);
    }

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>; false if it already was.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        var target = subscriber as InternalActorRef
            ?? throw new ArgumentException($"Cannot subscribe {subscriber}: it is not an actor ref of this kernel.", nameof(subscriber));
        lock (gate)
        {
            if (Array.Exists(subscriptions, s => s.Subscriber.Equals(target) && s.Channel == channel))
            {
                return false;
            }

            var firstForSubscriber = !Array.Exists(subscriptions, s => s.Subscriber.Equals(target));
            subscriptions = [.. subscriptions, new Subscription(target, channel)];

            // Sent under the lock so that Watch and Unwatch reach the subscriber in the order the subscriptions
            // changed: otherwise a racing Unsubscribe's Unwatch could land last and leave a live subscription
            // unwatched, published to forever after its subscriber died. (Sending never blocks; a dead
            // subscriber answers at once through RemoveAll, which re-enters this lock on the same thread.)
            if (firstForSubscriber)
            {
                target.SendSystemMessage(new Watch(target, watcher));
            }
        }

        return true;
    }

    /// <summary>Removes the subscription to <paramref name="channel"/>, or all of the subscriber's when null; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type? channel = null)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (gate)
        {
            var remaining = Array.FindAll(subscriptions, s => !(s.Subscriber.Equals(subscriber) && (channel is null || s.Channel == channel)));
            var removed = remaining.Length != subscriptions.Length;
            subscriptions = remaining;
            var noneLeft = !Array.Exists(remaining, s => s.Subscriber.Equals(subscriber));

            // Under the lock, for the ordering explained in Subscribe.
            if (removed && noneLeft && subscriber is InternalActorRef target)
            {
                target.SendSystemMessage(new Unwatch(target, watcher));
            }

            return removed;
        }
    }

    /// <summary>Delivers <paramref name="evt"/> to every subscriber of a channel it is an instance of (once per subscriber).</summary>
    public void Publish(object evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var current = Volatile.Read(ref subscriptions);
        InternalActorRef? single = null;
        HashSet<InternalActorRef>? delivered = null;
        foreach (var subscription in current)
        {
            if (!subscription.Channel.IsInstanceOfType(evt))
            {
                continue;
            }

            if (single is null)
            {
                single = subscription.Subscriber;
            }
            else if (single.Equals(subscription.Subscriber) || !(delivered ??= [single]).Add(subscription.Subscriber))
            {
                continue;
            }

            subscription.Subscriber.Tell(evt, ActorRefs.Nobody);
        }
    }

    private void RemoveAll(InternalActorRef subscriber)
    {
        lock (gate)
        {
            subscriptions = Array.FindAll(subscriptions, s => !s.Subscriber.Equals(subscriber));
        }
    }

    private sealed record Subscription(InternalActorRef Subscriber, Type Channel);

    /// <summary>Watches subscribers on the stream's behalf and drops those that terminate.</summary>
    private sealed class SubscriberWatcher(EventStream stream, ActorSystem system) : InternalActorRef
    {
        private readonly ActorPath path = system.SystemPath.ChildWithUid("event-stream", ActorPath.UndefinedUid);

        public override ActorPath Path => path;

        public override ActorSystem System => system;

        public override void Tell(object message, IActorRef? sender = null) => system.DeadLetter(message, sender, this);

        public override void SendSystemMessage(SystemMessage message)
        {
            if (message is DeathWatchNotification notification)
            {
                stream.RemoveAll(notification.Actor);
            }
        }
    }
}
