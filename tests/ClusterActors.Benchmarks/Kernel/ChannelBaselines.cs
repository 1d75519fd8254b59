using System.Diagnostics;
using System.Threading.Channels;
using ClusterActors.Benchmarks.Harness;

namespace ClusterActors.Benchmarks.Kernel;

/// <summary>The floor the kernel is compared with: bare <see cref="Channel{T}"/> message passing, no actors.</summary>
public static class ChannelBaselines
{
    /// <summary>A plain thread writes <paramref name="count"/> items; one reader loops WaitToReadAsync/TryRead. Items per second.</summary>
    public static async Task<double> OneWay(long count)
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var item = new object();
        var reader = Task.Run(async () =>
        {
            long received = 0;
            while (received < count && await channel.Reader.WaitToReadAsync())
            {
                while (received < count && channel.Reader.TryRead(out _))
                {
                    received++;
                }
            }
        });

        var start = Stopwatch.GetTimestamp();
        var writer = new Thread(() =>
        {
            for (long i = 0; i < count; i++)
            {
                channel.Writer.TryWrite(item);
            }
        });
        writer.Start();
        await reader;
        var perSecond = Measurement.PerSecond(count, start);
        writer.Join();
        return perSecond;
    }

    /// <summary>
    /// <paramref name="pairs"/> independent ping-pong pairs, each two unbounded single-reader/single-writer
    /// channels and two tasks bouncing one item; messages (2 per round trip, all pairs) per second.
    /// </summary>
    public static async Task<double> PingPong(long roundTrips, int pairs = 1)
    {
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, pairs).Select(_ => OnePingPongPair(roundTrips)));
        return Measurement.PerSecond(roundTrips * 2 * pairs, start);
    }

    private static Task OnePingPongPair(long roundTrips)
    {
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = true };
        var toPong = Channel.CreateUnbounded<object>(options);
        var toPing = Channel.CreateUnbounded<object>(options);
        var ball = new object();

        var pong = Task.Run(async () =>
        {
            for (long i = 0; i < roundTrips; i++)
            {
                var received = await toPong.Reader.ReadAsync();
                toPing.Writer.TryWrite(received);
            }
        });
        var ping = Task.Run(async () =>
        {
            for (long i = 0; i < roundTrips; i++)
            {
                toPong.Writer.TryWrite(ball);
                await toPing.Reader.ReadAsync();
            }
        });
        return Task.WhenAll(ping, pong);
    }
}
