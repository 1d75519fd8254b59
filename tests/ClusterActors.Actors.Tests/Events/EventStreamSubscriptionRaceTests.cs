using ClusterActors.Actors.Tests.Support;
using Xunit;

namespace ClusterActors.Actors.Tests.Events;

/// <summary>Subscribe and Unsubscribe of one actor on two threads, with the watch bookkeeping of the second arriving last.</summary>
public sealed class EventStreamSubscriptionRaceTests : TestKit.TestKit
{
    public EventStreamSubscriptionRaceTests()
        : base(new ActorSystemSettings { LogDeadLetters = false })
    {
    }

    private sealed record Left;

    private sealed record Right;

    /// <summary>Takes any event.</summary>
    private sealed class Subscriber : ReceiveActor
    {
        public Subscriber() => ReceiveAny(_ => { });
    }

    /// <summary>The same actor (equal ref) whose delivery of an <see cref="Unwatch"/> waits until released: the thread sending it is held up right there.</summary>
    private sealed class DelayedUnwatchRef(LocalActorRef actor) : InternalActorRef
    {
        public ManualResetEventSlim UnwatchReached { get; } = new();

        public ManualResetEventSlim ReleaseUnwatch { get; } = new();

        public override ActorPath Path => actor.Path;

        public override ActorSystem System => actor.System;

        public override void Tell(object message, IActorRef? sender = null) => actor.Tell(message, sender);

        public override void SendSystemMessage(SystemMessage message)
        {
            if (message is Unwatch)
            {
                UnwatchReached.Set();
                if (!ReleaseUnwatch.Wait(StressLimits.Hang))
                {
                    throw new TimeoutException("The unwatch was never released.");
                }
            }

            actor.SendSystemMessage(message);
        }
    }

    [Fact]
    public void A_subscription_made_while_another_thread_unsubscribes_is_still_dropped_when_the_subscriber_stops()
    {
        var subscriber = (LocalActorRef)Sys.ActorOf(Props.Create<Subscriber>());
        var delayed = new DelayedUnwatchRef(subscriber);
        Watch(subscriber);
        Sys.EventStream.Subscribe(delayed, typeof(Right));

        // Thread 1 drops the last subscription and is held up sending its Unwatch; meanwhile thread 2 subscribes again
        // It either finishes (the race the bug allowed) or blocks on the stream's lock behind thread 1 (the fix).
        var unsubscriber = new Thread(() => Sys.EventStream.Unsubscribe(delayed, typeof(Right))) { IsBackground = true };
        unsubscriber.Start();
        Assert.True(delayed.UnwatchReached.Wait(StressLimits.Hang));
        var resubscriber = new Thread(() => Sys.EventStream.Subscribe(delayed, typeof(Left))) { IsBackground = true };
        resubscriber.Start();
        AwaitCondition(
            () => (resubscriber.ThreadState & (ThreadState.Stopped | ThreadState.WaitSleepJoin)) != 0,
            message: "the resubscribing thread neither finished nor blocked");
        delayed.ReleaseUnwatch.Set();
        Assert.True(unsubscriber.Join(StressLimits.Hang));
        Assert.True(resubscriber.Join(StressLimits.Hang));

        Sys.Stop(subscriber);
        ExpectTerminated(subscriber);
        AwaitCondition(() => PublishesNoDeadLetter(new Left()), message: "the stream still publishes to the stopped subscriber");
    }

    [Fact]
    public void Subscribing_an_actor_that_already_stopped_drops_it_at_once()
    {
        var subscriber = Sys.ActorOf(Props.Create<Subscriber>());
        Watch(subscriber);
        Sys.Stop(subscriber);
        ExpectTerminated(subscriber);

        // Its Watch is answered on this very thread, inside Subscribe, which re-enters the stream's lock.
        Assert.True(Sys.EventStream.Subscribe(subscriber, typeof(Left)));

        Assert.True(PublishesNoDeadLetter(new Left()));
    }

    private bool PublishesNoDeadLetter(object evt)
    {
        var before = Sys.Counters.DeadLetters;
        Sys.EventStream.Publish(evt);
        return Sys.Counters.DeadLetters == before;
    }
}
