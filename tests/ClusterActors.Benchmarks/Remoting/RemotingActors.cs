using System.Diagnostics;
using ClusterActors.Actors;

namespace ClusterActors.Benchmarks.Remoting;

/// <summary>
/// Keeps <c>inFlight</c> pings outstanding to a remote echo: sends that many on <see cref="StartPinging"/>,
/// then one more for each reply until <c>roundTrips</c> were sent, and completes when every reply is back.
/// </summary>
internal sealed class PipelinedPingActor : ReceiveActor
{
    public PipelinedPingActor(IActorRef echo, int inFlight, long roundTrips, TaskCompletionSource done)
    {
        long sent = 0;
        long received = 0;
        Receive<StartPinging>(_ =>
        {
            for (var i = 0; i < inFlight && sent < roundTrips; i++)
            {
                echo.Tell(new Ping(sent++), Self);
            }
        });
        Receive<Ping>(_ =>
        {
            if (sent < roundTrips)
            {
                echo.Tell(new Ping(sent++), Self);
            }

            if (++received == roundTrips)
            {
                done.TrySetResult();
            }
        });
    }
}

/// <summary>Sends every message back to its sender.</summary>
internal sealed class RemoteEchoActor : ReceiveActor
{
    public RemoteEchoActor() => ReceiveAny(message => Sender.Tell(message, Self));
}

/// <summary>Records the round-trip time of each returning <see cref="TimedPing"/> (in Stopwatch ticks) and completes when all are back.</summary>
internal sealed class RoundTripRecorder : ReceiveActor
{
    public RoundTripRecorder(long[] roundTripTicks, TaskCompletionSource done)
    {
        var received = 0;
        Receive<TimedPing>(ping =>
        {
            roundTripTicks[received] = Stopwatch.GetTimestamp() - ping.SentAt;
            if (++received == roundTripTicks.Length)
            {
                done.TrySetResult();
            }
        });
    }
}
