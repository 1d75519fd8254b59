using System.Buffers;
using System.Net.Sockets;

namespace ClusterActors.Remoting;

/// <summary>Runs a handshake state machine over a connection: reads frames (at most the handshake frame size), sends what it answers, until it completes or time runs out.</summary>
/// <remarks>
/// Leaves the reader positioned just after the last handshake frame, so messages the initiator sent
/// right behind its proof are read by the connection's frame loop. Every failure ends in a refused
/// outcome, counted and logged by the participant; nothing is thrown.
/// </remarks>
internal static class TcpHandshake
{
    public static async Task<HandshakeOutcome> RunAsync(TcpConnection connection, HandshakeParticipant participant, TimeSpan timeout, TimeProvider timeProvider, CancellationToken stopping)
    {
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stopping);
        var decoder = new FrameDecoder(FrameLimits.HandshakeMaxFrameSize, participant.Diagnostics);
        var output = new ArrayBufferWriter<byte>(256);
        try
        {
            if (participant is HandshakeInitiator initiator)
            {
                initiator.Start(output);
                await SendAsync(connection, output, linked.Token);
            }

            while (!participant.IsCompleted)
            {
                var result = await connection.Reader.ReadAsync(linked.Token);
                var buffer = result.Buffer;
                try
                {
                    while (!participant.IsCompleted && decoder.TryReadFrame(ref buffer, out var frame))
                    {
                        participant.Receive(frame, output);
                    }

                    if (!participant.IsCompleted && result.IsCompleted)
                    {
                        decoder.CompleteAtEndOfStream(buffer);
                        participant.Abort("the connection closed during the handshake.");
                    }
                }
                catch (MalformedFrameException error)
                {
                    participant.Abort(error);
                }
                finally
                {
                    // Once complete, nothing past the last handshake frame has been looked at: the frame loop reads it next.
                    connection.Reader.AdvanceTo(buffer.Start, participant.IsCompleted ? buffer.Start : buffer.End);
                }

                await SendAsync(connection, output, linked.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            participant.Abort($"no complete handshake within {timeout}.");
        }
        catch (OperationCanceledException)
        {
            participant.Abort("the transport stopped during the handshake.");
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            participant.Abort($"the connection failed during the handshake: {error.Message}");
        }

        return participant.Outcome;
    }

    private static async Task SendAsync(TcpConnection connection, ArrayBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        if (output.WrittenCount == 0)
        {
            return;
        }

        await connection.SendAsync(output.WrittenMemory, cancellationToken);
        output.Clear();
    }
}
