using System.Net.Sockets;

namespace ClusterActors.Remoting;

/// <summary>Reading an authenticated connection: messages and distress signals to the events (inbound connections only), Close frames, frames no protocol handles yet.</summary>
public sealed partial class TcpTransport
{
    /// <summary>Reads frames until the connection ends or breaks the protocol; then closes it and wakes the peer's outbound loop.</summary>
    internal async Task ReceiveAsync(TcpConnection connection, TcpAssociation association)
    {
        var peer = connection.Peer!;
        var diagnostics = connection.Diagnostics;
        var decoder = new FrameDecoder(Settings.MaxFrameSize, diagnostics);
        var reader = connection.Reader;
        string? stop = null;
        var protocolError = false;
        try
        {
            while (stop is null)
            {
                var result = await reader.ReadAsync();
                var buffer = result.Buffer;
                try
                {
                    while (stop is null && decoder.TryReadFrame(ref buffer, out var frame))
                    {
                        stop = Dispatch(connection, association, peer, decoder, frame);
                    }

                    if (stop is null && (result.IsCompleted || result.IsCanceled))
                    {
                        decoder.CompleteAtEndOfStream(buffer);
                        stop = "the peer closed the connection.";
                    }
                }
                catch (MalformedFrameException error)
                {
                    stop = $"protocol error: {error.Detail}";
                    protocolError = true;
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }
            }
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            stop = connection.CloseReason ?? $"the connection failed: {error.Message}";
        }

        if (protocolError && connection.IsInbound)
        {
            await TrySendCloseAsync(connection, CloseCode.ProtocolError, stop!);
        }

        connection.Close(stop!);
        association.Wake();
    }

    /// <summary>Handles one frame; returns why to stop reading, or null to go on.</summary>
    private string? Dispatch(TcpConnection connection, TcpAssociation association, NodeIdentity peer, FrameDecoder decoder, in Frame frame)
    {
        switch (frame.Kind)
        {
            case FrameKind.Message when connection.IsInbound:
                var envelope = decoder.ReadEnvelope(frame);
                try
                {
                    events!.OnMessage(peer, connection.Diagnostics, envelope);
                }
                catch (Exception error)
                {
                    TcpLog.EventHandlerFailed(Logger, connection.Diagnostics.Peer, error);
                }

                return null;
            case FrameKind.Distress when connection.IsInbound:
                ReceiveDistress(connection, peer, decoder, frame);
                return null;
            case FrameKind.Heartbeat:
                TcpLog.UnexpectedFrame(Logger, connection.Diagnostics.Peer, frame.Kind);
                return null;
            case FrameKind.Close:
                var notice = decoder.ReadClose(frame);
                TcpLog.PeerClosed(Logger, connection.Diagnostics.Peer, notice.Code, notice.Reason);
                if (notice.Code == CloseCode.Shutdown)
                {
                    association.PeerShutDown(peer.Incarnation, notice.Reason);
                }

                return $"the peer closed the connection ({notice.Code}): {notice.Reason}";
            default:
                var detail = frame.Kind is FrameKind.Message or FrameKind.Distress
                    ? $"a {frame.Kind} frame arrived on a connection this node dialed; a peer sends messages and distress signals only on connections it dialed itself."
                    : $"a {frame.Kind} frame arrived after the handshake completed.";
                var violation = new MalformedFrameException(FrameError.InvalidBody, detail, connection.Diagnostics.Peer);
                connection.Diagnostics.ReportMalformedFrame(violation);
                throw violation;
        }
    }

    private async Task TrySendCloseAsync(TcpConnection connection, CloseCode code, string reason)
    {
        try
        {
            await connection.SendCloseAsync(code, reason, Settings.MaxFrameSize, AbortToken);
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The peer learns from the closed connection instead.
        }
    }
}
