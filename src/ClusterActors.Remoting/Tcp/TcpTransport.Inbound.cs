using System.Net.Sockets;
using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>Accepting peers: each accepted connection runs the responder handshake, is admitted by its peer's association, then is only read.</summary>
public sealed partial class TcpTransport
{
    private async Task AcceptAsync()
    {
        var socket = listener!;
        while (true)
        {
            Socket accepted;
            try
            {
                accepted = await socket.AcceptAsync(StopToken);
            }
            catch (Exception) when (IsShuttingDown)
            {
                return;
            }
            catch (SocketException error)
            {
                // E.g. out of file descriptors: pause rather than spin, then keep serving.
                TcpLog.AcceptFailed(Logger, listenEndpoint, error.Message);
                try
                {
                    await Settings.TimeProvider.Delay(Settings.ReconnectBackoffMin, StopToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            _ = RunInboundAsync(accepted);
        }
    }

    private async Task RunInboundAsync(Socket socket)
    {
        TcpConnection connection;
        try
        {
            socket.NoDelay = true;
            var endpoint = $"tcp {socket.RemoteEndPoint} inbound";
            connection = new TcpConnection(socket, isInbound: true, endpoint, new PeerDiagnostics(Counters, Logger, endpoint));
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            socket.Dispose();
            return;
        }

        if (!Track(connection))
        {
            await ReleaseAsync(connection, "the transport is stopping.");
            return;
        }

        var reason = "the handshake failed.";
        TcpAssociation? association = null;
        try
        {
            var responder = new HandshakeResponder(LocalIdentity, Settings.Secret, Settings.Random, connection.Diagnostics);
            var outcome = await TcpHandshake.RunAsync(connection, responder, Settings.HandshakeTimeout, Settings.TimeProvider, AbortToken);
            if (outcome is not HandshakeAccepted accepted)
            {
                return;
            }

            connection.Authenticated(accepted.Peer);
            association = AssociationFor(accepted.Peer.Address);
            var refusal = association.Admit(connection, out var previous);
            if (refusal is not null)
            {
                reason = refusal;
                await RefuseAsync(connection, refusal);
                return;
            }

            if (previous is not null)
            {
                // One connection at a time delivers a peer's messages: the old one finishes before the new one starts.
                previous.Close("replaced by a newer connection from the same peer.");
                await previous.Finished;
            }

            TcpLog.AssociationUp(Logger, connection.Direction, connection.Diagnostics.Peer, accepted.Peer.NodeId, accepted.Peer.Incarnation);
            await ReceiveAsync(connection, association);
            reason = connection.CloseReason ?? "the connection closed.";
            TcpLog.AssociationDown(Logger, connection.Direction, connection.Diagnostics.Peer, reason);
        }
        catch (Exception error)
        {
            reason = $"the inbound connection failed: {error.Message}";
            TcpLog.ConnectionLost(Logger, connection.Diagnostics.Peer, error.ToString());
        }
        finally
        {
            association?.ReleaseInbound(connection);
            await ReleaseAsync(connection, reason);
        }
    }
}
