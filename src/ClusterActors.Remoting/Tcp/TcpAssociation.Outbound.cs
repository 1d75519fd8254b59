using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>The outbound half of an association: one loop that dials the peer, runs the initiator handshake, writes the queue in batches, and redials with backoff.</summary>
internal sealed partial class TcpAssociation
{
    private const int BatchSize = 256;
    private const int FlushThreshold = 64 * 1024;

    private enum Step
    {
        Wait,
        Dial,
        Stop,
    }

    private async Task RunOutboundAsync()
    {
        var settings = transport.Settings;
        var backoff = new ReconnectBackoff(settings.ReconnectBackoffMin, settings.ReconnectBackoffMax, settings.Random);
        var batch = new OutboundEnvelope?[BatchSize];
        var failures = 0;
        try
        {
            while (true)
            {
                var step = NextStep(failures);
                if (step == Step.Stop)
                {
                    break;
                }

                if (step == Step.Wait)
                {
                    await wake.WaitAsync();
                    continue;
                }

                if (failures > 0)
                {
                    await BackoffAsync(backoff, failures);
                    if (NextStep(failures) != Step.Dial)
                    {
                        continue;
                    }
                }

                var connection = await DialAsync();
                if (connection is null)
                {
                    failures++;
                    continue;
                }

                failures = 0;
                var goodbyeSaid = await WriteAsync(connection, batch);
                if (goodbyeSaid)
                {
                    break;
                }

                // A connection that broke is redialed after the shortest backoff: a peer that accepts and drops at once is not hammered.
                failures = 1;
            }
        }
        catch (Exception error)
        {
            // A bug, not a network failure: drop what is queued, and let the next send start a fresh loop.
            TcpLog.OutboundLoopFailed(Diagnostics.Logger, Diagnostics.Peer, error);
            int dropped;
            lock (gate)
            {
                dropped = lanes.Clear();
                outboundLoop = null;
            }

            ReportDropped(dropped, "the outbound loop failed.");
            return;
        }

        Stop("the transport stopped before they could be sent.");
    }

    private Step NextStep(int failures)
    {
        lock (gate)
        {
            if (transport.IsStopped || (draining && failures > 0))
            {
                return Step.Stop;
            }

            if (lanes.Count == 0)
            {
                // EnsureConnected asked for a connection with nothing queued: dial for it (not while draining).
                return draining ? Step.Stop : keepConnected && accepting ? Step.Dial : Step.Wait;
            }

            return Step.Dial;
        }
    }

    private async Task BackoffAsync(ReconnectBackoff backoff, int attempt)
    {
        var delay = backoff.Delay(attempt);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(transport.StopToken);
        lock (gate)
        {
            backoffWait = wait;
        }

        // Logged once the wait can be cut short, so whoever reads the line may rely on that.
        TcpLog.Reconnecting(Diagnostics.Logger, Diagnostics.Peer, delay, attempt);

        try
        {
            await transport.Settings.TimeProvider.Delay(delay, wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutting down, or the peer just dialed us (it is back): the next step decides.
        }
        finally
        {
            lock (gate)
            {
                backoffWait = null;
            }
        }
    }

    /// <summary>Connects, runs the initiator handshake and admits the peer; null (already logged and counted) on any failure.</summary>
    private async Task<TcpConnection?> DialAsync()
    {
        var settings = transport.Settings;
        Socket? socket = null;
        try
        {
            socket = NewSocket();
            using var deadline = new CancellationTokenSource(settings.ConnectTimeout, settings.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, transport.AbortToken);
            try
            {
                await socket.ConnectAsync(DialEndpoint, linked.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"no connection within {settings.ConnectTimeout}.");
            }
        }
        catch (Exception error) when (error is SocketException or TimeoutException or OperationCanceledException or ObjectDisposedException)
        {
            socket?.Dispose();
            TcpLog.ConnectFailed(Diagnostics.Logger, Diagnostics.Peer, error.Message);
            return null;
        }

        var endpoint = $"tcp {socket.RemoteEndPoint} outbound";
        var connection = new TcpConnection(socket, isInbound: false, endpoint, Diagnostics.ForPeer($"{Address} ({endpoint})"));
        if (!transport.Track(connection))
        {
            await transport.ReleaseAsync(connection, "the transport stopped.");
            return null;
        }

        var initiator = new HandshakeInitiator(transport.LocalIdentity, settings.Secret, settings.Random, connection.Diagnostics, Address);
        var outcome = await TcpHandshake.RunAsync(connection, initiator, settings.HandshakeTimeout, settings.TimeProvider, transport.AbortToken);
        if (outcome is not HandshakeAccepted accepted)
        {
            await transport.ReleaseAsync(connection, "the handshake failed.");
            return null;
        }

        connection.Authenticated(accepted.Peer);
        var refusal = Admit(connection, out _);
        if (refusal is not null)
        {
            await transport.RefuseAsync(connection, refusal);
            return null;
        }

        TcpLog.AssociationUp(Diagnostics.Logger, connection.Direction, Diagnostics.Peer, accepted.Peer.NodeId, accepted.Peer.Incarnation);
        return connection;
    }

    private Socket NewSocket()
    {
        var socket = DialEndpoint is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : Socket.OSSupportsIPv6
                ? new Socket(SocketType.Stream, ProtocolType.Tcp)
                : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.NoDelay = true;
        return socket;
    }

    /// <summary>Writes the queue to an established connection until it breaks; true when it ended by saying goodbye (graceful shutdown).</summary>
    private async Task<bool> WriteAsync(TcpConnection connection, OutboundEnvelope?[] batch)
    {
        var settings = transport.Settings;
        var peerIncarnation = connection.Peer!.Incarnation;
        var encoder = new FrameEncoder(settings.MaxFrameSize, connection.Diagnostics);
        var writer = connection.Writer;
        var reading = Task.Run(() => transport.ReceiveAsync(connection, this));
        var goodbyeSaid = false;
        var reason = "the connection closed.";
        var taken = 0;
        try
        {
            while (!connection.IsClosed)
            {
                bool goodbye;
                lock (gate)
                {
                    taken = lanes.Take(batch);
                    goodbye = taken == 0 && draining;
                }

                if (taken == 0)
                {
                    if (goodbye)
                    {
                        await SayGoodbyeAsync(connection, encoder, reading);
                        goodbyeSaid = true;
                        reason = "this node shut down.";
                        break;
                    }

                    if (transport.IsStopped)
                    {
                        break;
                    }

                    await wake.WaitAsync();
                    continue;
                }

                var peerGone = false;
                for (var i = 0; i < taken && !peerGone; i++)
                {
                    var envelope = batch[i]!;
                    batch[i] = null;
                    Write(encoder, writer, envelope, peerIncarnation);
                    peerGone = writer.UnflushedBytes >= FlushThreshold && await FlushAsync(connection);
                }

                if (peerGone || await FlushAsync(connection))
                {
                    break;
                }

                taken = 0;
            }
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            reason = $"writing failed: {error.Message}";
        }
        finally
        {
            var lost = 0;
            for (var i = 0; i < taken; i++)
            {
                lost += batch[i] is null ? 0 : 1;
                batch[i] = null;
            }

            ReportDropped(lost, "the connection broke before they were written.");
            connection.Close(connection.CloseReason ?? reason);
            await reading;
            lock (gate)
            {
                if (outbound == connection)
                {
                    outbound = null;
                }
            }

            await transport.ReleaseAsync(connection, reason);
            TcpLog.AssociationDown(Diagnostics.Logger, connection.Direction, Diagnostics.Peer, connection.CloseReason ?? reason);
        }

        return goodbyeSaid;
    }

    /// <summary>Flushes what the loop encoded, under the connection's write gate so a distress frame written meanwhile cannot land inside it; true when the peer is gone.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<bool> FlushAsync(TcpConnection connection)
    {
        await connection.EnterWriteGateAsync();
        try
        {
            return (await connection.Writer.FlushAsync()).IsCompleted;
        }
        finally
        {
            connection.ExitWriteGate();
        }
    }

    private void Write(FrameEncoder encoder, PipeWriter writer, OutboundEnvelope envelope, long peerIncarnation)
    {
        if (envelope.TargetIncarnation is long target && target != peerIncarnation)
        {
            Diagnostics.ReportDroppedOutbound(envelope.Recipient, envelope.TypeId, $"it is meant for incarnation {target}, but {Address} is now incarnation {peerIncarnation}.");
            return;
        }

        try
        {
            encoder.WriteMessage(writer, envelope.Recipient, envelope.Sender, envelope.TypeId, envelope.Payload.Span);
        }
        catch (Exception error) when (error is FrameTooLargeException or ArgumentException)
        {
            // The encoder counted and logged the drop; the rest of the batch goes on.
        }
    }

    private async Task SayGoodbyeAsync(TcpConnection connection, FrameEncoder encoder, Task reading)
    {
        var settings = transport.Settings;
        encoder.WriteClose(connection.Writer, CloseCode.Shutdown, TcpTransport.ShutdownReason);
        await connection.EnterWriteGateAsync();
        try
        {
            await connection.Writer.FlushAsync();
            connection.ShutdownSend();
        }
        finally
        {
            connection.ExitWriteGate();
        }

        try
        {
            // The peer hangs up once it has read the Close; a silent peer is not waited for beyond the handshake timeout.
            await reading.WaitAsync(settings.HandshakeTimeout, settings.TimeProvider);
        }
        catch (TimeoutException)
        {
        }
    }
}
