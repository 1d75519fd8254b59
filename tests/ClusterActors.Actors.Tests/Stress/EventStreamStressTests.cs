using ClusterActors.Actors.Tests.Support;
using Xunit;

namespace ClusterActors.Actors.Tests.Stress;

/// <summary>Subscribing and unsubscribing one actor from several threads at once, then stopping it: the stream forgets it, so nothing is published into its grave.</summary>
public sealed class EventStreamStressTests : TestKit.TestKit
{
    public EventStreamStressTests()
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

    [Fact]
    public void Racing_subscribe_and_unsubscribe_still_drop_a_subscriber_once_it_stops()
    {
        const int Rounds = 30;
        const int Flips = 200;
        for (var round = 0; round < Rounds; round++)
        {
            var subscriber = Sys.ActorOf(Props.Create<Subscriber>());
            Watch(subscriber);
            ConcurrentProducers.Run(2, id =>
            {
                var channel = id == 0 ? typeof(Left) : typeof(Right);
                for (var i = 0; i < Flips; i++)
                {
                    Sys.EventStream.Subscribe(subscriber, channel);
                    Sys.EventStream.Unsubscribe(subscriber, channel);
                }

                // Each thread leaves one subscription behind; the stop must clear both.
                Sys.EventStream.Subscribe(subscriber, channel);
            });

            Sys.Stop(subscriber);
            ExpectTerminated(subscriber, StressLimits.Hang);
            AwaitCondition(() => PublishesNoDeadLetter(new Left()) && PublishesNoDeadLetter(new Right()), StressLimits.Hang, $"round {round}: the stream still publishes to the stopped subscriber");
        }
    }

    private bool PublishesNoDeadLetter(object evt)
    {
        var before = Sys.Counters.DeadLetters;
        Sys.EventStream.Publish(evt);
        return Sys.Counters.DeadLetters == before;
    }
}
