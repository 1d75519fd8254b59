using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ClusterActors.Benchmarks.Harness;

namespace ClusterActors.Benchmarks.Remoting;

/// <summary>The floor remote ping-pong is compared with: one frame bounced over a bare loopback TCP connection, no actors, no serialization.</summary>
public static class SocketPingPong
{
    /// <summary>
    /// Connects two loopback sockets (TCP_NODELAY, like the transport) and bounces one <paramref name="frameBytes"/>-byte
    /// frame <paramref name="roundTrips"/> times with async send/receive; messages (2 per round trip) per second.
    /// </summary>
    public static async Task<double> RunAsync(int frameBytes, long roundTrips)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var accepting = listener.AcceptAsync();
        await client.ConnectAsync(listener.LocalEndPoint!);
        using var server = await accepting;
        server.NoDelay = true;

        var start = Stopwatch.GetTimestamp();
        var echo = Task.Run(async () =>
        {
            var buffer = new byte[frameBytes];
            for (long i = 0; i < roundTrips; i++)
            {
                await ReceiveFrameAsync(server, buffer);
                await SendAsync(server, buffer);
            }
        });
        var ping = Task.Run(async () =>
        {
            var frame = NewFrame(frameBytes);
            var reply = new byte[frameBytes];
            for (long i = 0; i < roundTrips; i++)
            {
                await SendAsync(client, frame);
                await ReceiveFrameAsync(client, reply);
            }
        });
        await Task.WhenAll(echo, ping);
        return Measurement.PerSecond(roundTrips * 2, start);
    }

    /// <summary>A Message-kind frame: a 4-byte big-endian body length, the kind byte, then filler standing in for the envelope.</summary>
    private static byte[] NewFrame(int frameBytes)
    {
        var frame = new byte[frameBytes];
        BinaryPrimitives.WriteInt32BigEndian(frame, frameBytes - 4);
        frame[4] = 4;
        frame.AsSpan(5).Fill((byte)'x');
        return frame;
    }

    /// <summary>Reads one whole frame into <paramref name="buffer"/> (usually one receive call, as a pipe reader would), then checks its length prefix.</summary>
    private static async Task ReceiveFrameAsync(Socket socket, byte[] buffer)
    {
        await ReceiveExactlyAsync(socket, buffer);
        var body = BinaryPrimitives.ReadInt32BigEndian(buffer);
        if (body != buffer.Length - 4)
        {
            throw new InvalidDataException($"The socket baseline read a frame announcing a {body}-byte body; it sends only {buffer.Length - 4}-byte bodies.");
        }
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> destination)
    {
        while (destination.Length > 0)
        {
            var read = await socket.ReceiveAsync(destination, SocketFlags.None);
            if (read == 0)
            {
                throw new IOException("The socket baseline's peer closed the connection mid-run.");
            }

            destination = destination[read..];
        }
    }

    private static async Task SendAsync(Socket socket, ReadOnlyMemory<byte> frame)
    {
        while (frame.Length > 0)
        {
            frame = frame[await socket.SendAsync(frame, SocketFlags.None)..];
        }
    }
}
