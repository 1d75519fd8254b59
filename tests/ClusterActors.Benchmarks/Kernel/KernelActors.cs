using ClusterActors.Actors;

namespace ClusterActors.Benchmarks.Kernel;

/// <summary>Counts messages and completes when the expected number arrived.</summary>
internal sealed class CountingActor : ReceiveActor
{
    public CountingActor(long expected, TaskCompletionSource done)
    {
        long received = 0;
        Receive<Ball>(_ =>
        {
            if (++received == expected)
            {
                done.TrySetResult();
            }
        });
    }
}

/// <summary>Bounces every ball back to its sender until the round-trip budget is spent.</summary>
internal sealed class PingPongActor : ReceiveActor
{
    public PingPongActor(long roundTrips, TaskCompletionSource? done)
    {
        long bounced = 0;
        Receive<Ball>(ball =>
        {
            if (done is not null && ++bounced > roundTrips)
            {
                done.TrySetResult();
                return;
            }

            Sender.Tell(ball, Self);
        });
    }
}

/// <summary>Answers every question with the same value.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => Receive<Ball>(ball => Sender.Tell(ball, Self));
}

/// <summary>A typical idle actor: one handler, no state, nothing in its mailbox.</summary>
internal sealed class IdleActor : ReceiveActor
{
    public IdleActor(CountdownEvent started)
    {
        Receive<Ball>(_ => { });
        started.Signal();
    }
}

/// <summary>The one message the kernel benchmarks pass around (a reference type, as real messages are).</summary>
internal sealed record Ball
{
    public static readonly Ball Instance = new();
}
