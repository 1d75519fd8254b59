using ClusterActors.Actors.Tests.Support;
using Xunit;

namespace ClusterActors.Actors.Tests.Stress;

/// <summary>The mailbox status protocol (Post vs the end of a run vs suspension) on the real thread pool: a lost wake-up shows as a wait that never ends, a double run as two turns at once.</summary>
public sealed class MailboxWakeUpStressTests
{
    private sealed record Ball(int Remaining);

    /// <summary>Returns every ball with one bounce less; when a ball runs out, completes the pair's task.</summary>
    private sealed class Bouncer : ReceiveActor
    {
        public Bouncer(TaskCompletionSource done, Tally overlaps)
        {
            var inTurn = 0;
            Receive<Ball>(ball =>
            {
                if (Interlocked.Exchange(ref inTurn, 1) != 0)
                {
                    overlaps.Increment();
                }

                if (ball.Remaining == 0)
                {
                    done.TrySetResult();
                }
                else
                {
                    Sender.Tell(new Ball(ball.Remaining - 1));
                }

                Volatile.Write(ref inTurn, 0);
            });
        }
    }

    /// <summary>Checks per-sender FIFO order and that no two turns overlap; completes when it has seen every message.</summary>
    private sealed class OrderedSink : ReceiveActor
    {
        private readonly int[] nextExpected;
        private int inTurn;
        private int seen;

        public OrderedSink(int senders, int total, Tally outOfOrder, Tally overlaps, TaskCompletionSource done)
        {
            nextExpected = new int[senders];
            Receive<Numbered>(
                n => n.Sequence % 3 != 0,
                n => Take(n, total, outOfOrder, overlaps, done));
            ReceiveAsync<Numbered>(async n =>
            {
                Take(n, total, outOfOrder, overlaps, done);

                // Leave the actor's turn: the continuation comes back as a system message while user messages keep arriving.
                await Task.Yield();
                EnterTurn(overlaps);
                LeaveTurn();
            });
        }

        private void Take(Numbered n, int total, Tally outOfOrder, Tally overlaps, TaskCompletionSource done)
        {
            EnterTurn(overlaps);
            if (nextExpected[n.SenderId] != n.Sequence)
            {
                outOfOrder.Increment();
            }

            nextExpected[n.SenderId] = n.Sequence + 1;
            if (++seen == total)
            {
                done.TrySetResult();
            }

            LeaveTurn();
        }

        private void EnterTurn(Tally overlaps)
        {
            if (Interlocked.Exchange(ref inTurn, 1) != 0)
            {
                overlaps.Increment();
            }
        }

        private void LeaveTurn() => Volatile.Write(ref inTurn, 0);
    }

    public static TheoryData<bool, int> Dispatchers => new()
    {
        { true, 1 },
        { true, 30 },
        { false, 1 },
        { false, 30 },
    };

    [Theory]
    [MemberData(nameof(Dispatchers))]
    public async Task Ping_pong_pairs_never_stall_whatever_the_throughput_and_local_queue_preference(bool preferLocal, int throughput)
    {
        const int Pairs = 8;
        const int Bounces = 10_000;
        var system = ActorSystem.Create("ping-pong", new ActorSystemSettings { PreferLocalQueues = preferLocal, Throughput = throughput });
        try
        {
            var overlaps = new Tally();
            var done = Enumerable.Range(0, Pairs).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            for (var i = 0; i < Pairs; i++)
            {
                var pair = done[i];
                var left = system.ActorOf(Props.Create(() => new Bouncer(pair, overlaps)));
                var right = system.ActorOf(Props.Create(() => new Bouncer(pair, overlaps)));
                left.Tell(new Ball(Bounces), right);
            }

            await Task.WhenAll(done.Select(d => d.Task)).WaitAsync(StressLimits.Hang);
            Assert.Equal(0, overlaps.Value);
            Assert.Equal(0, system.Counters.DeadLetters);
        }
        finally
        {
            await system.Terminate().WaitAsync(StressLimits.Hang);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Producers_racing_runs_and_async_suspension_lose_reorder_or_overlap_nothing(bool preferLocal)
    {
        const int Producers = 4;
        const int PerProducer = 25_000;
        var system = ActorSystem.Create("producers", new ActorSystemSettings { PreferLocalQueues = preferLocal, Throughput = 1 });
        try
        {
            var outOfOrder = new Tally();
            var overlaps = new Tally();
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sink = system.ActorOf(Props.Create(() => new OrderedSink(Producers, Producers * PerProducer, outOfOrder, overlaps, done)));

            ConcurrentProducers.Run(Producers, id =>
            {
                for (var i = 0; i < PerProducer; i++)
                {
                    sink.Tell(new Numbered(id, i));
                }
            });

            await done.Task.WaitAsync(StressLimits.Hang);
            Assert.Equal(0, outOfOrder.Value);
            Assert.Equal(0, overlaps.Value);
            Assert.Equal(0, system.Counters.DeadLetters);
        }
        finally
        {
            await system.Terminate().WaitAsync(StressLimits.Hang);
        }
    }
}
