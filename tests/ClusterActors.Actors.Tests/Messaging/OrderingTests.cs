using ClusterActors.Actors.Tests.Support;
using Xunit;

namespace ClusterActors.Actors.Tests.Messaging;

public sealed class OrderingTests : TestKit.TestKit
{
    private const int Senders = 4;
    private const int PerSender = 20_000;

    /// <summary>Checks each sender's sequence is strictly increasing and that no two messages are processed at once.</summary>
    private sealed class SequenceChecker : ReceiveActor
    {
        private readonly int[] next = new int[Senders];
        private int violations;
        private int received;
        private int inside;

        public SequenceChecker(IActorRef reportTo, int expected)
        {
            Receive<Numbered>(m =>
            {
                if (Interlocked.Increment(ref inside) != 1)
                {
                    violations++;
                }

                if (m.Sequence != next[m.SenderId])
                {
                    violations++;
                }

                next[m.SenderId] = m.Sequence + 1;
                if (++received == expected)
                {
                    reportTo.Tell((received, violations));
                }

                Interlocked.Decrement(ref inside);
            });
        }
    }

    /// <summary>Forwards a numbered sequence to a target from inside an actor.</summary>
    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef target) => Receive<int>(count =>
        {
            for (var i = 0; i < count; i++)
            {
                target.Tell(new Numbered(0, i));
            }
        });
    }

    [Fact]
    public async Task Each_senders_messages_arrive_in_order_with_concurrent_senders_and_one_at_a_time()
    {
        var checker = Sys.ActorOf(Props.Create(() => new SequenceChecker(TestActor, Senders * PerSender)));
        var senders = Enumerable.Range(0, Senders).Select(id => Task.Run(() =>
        {
            for (var i = 0; i < PerSender; i++)
            {
                checker.Tell(new Numbered(id, i));
            }
        }));
        await Task.WhenAll(senders);

        var (received, violations) = ExpectMsg<(int, int)>(TestKit.TestKitSettings.Dilated(TimeSpan.FromSeconds(10)));
        Assert.Equal(Senders * PerSender, received);
        Assert.Equal(0, violations);
    }

    [Fact]
    public void Messages_from_one_actor_to_another_keep_their_order()
    {
        var checker = Sys.ActorOf(Props.Create(() => new SequenceChecker(TestActor, PerSender)));
        var relay = Sys.ActorOf(Props.Create(() => new Relay(checker)));
        relay.Tell(PerSender);

        Assert.Equal((PerSender, 0), ExpectMsg<(int, int)>());
    }
}
