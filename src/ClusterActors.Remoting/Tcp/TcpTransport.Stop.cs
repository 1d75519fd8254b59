using System.Net.Sockets;

namespace ClusterActors.Remoting;

/// <summary>Stopping: a graceful shutdown that flushes queues and tells every peer, or an abort that drops everything like a crash.</summary>
public sealed partial class TcpTransport
{
    private Task? shutdown;

    /// <inheritdoc />
    /// <remarks>
    /// Stops accepting, refuses new sends, lets every established outbound connection write its queue
    /// and then a Close(Shutdown); inbound connections get the Close too, so a peer this node never
    /// wrote to still learns. Queues of peers not connected (and not reachable at the first try) are
    /// dropped, counted. When <paramref name="cancellationToken"/> fires first, the rest is cut short
    /// as by <see cref="Abort"/> and the task completes without throwing. Later calls return the first call's task.
    /// </remarks>
    public Task ShutdownAsync(CancellationToken cancellationToken = default)
    {
        lock (lifecycle)
        {
            if (shutdown is not null)
            {
                return shutdown;
            }

            if (state == Stopped)
            {
                return Task.CompletedTask;
            }

            var wasStarted = state == Started;
            state = ShuttingDown;
            shutdown = Task.Run(() => ShutdownCoreAsync(wasStarted, cancellationToken), CancellationToken.None);
            return shutdown;
        }
    }

    /// <inheritdoc />
    public void Abort()
    {
        lock (lifecycle)
        {
            if (state == Stopped)
            {
                return;
            }

            state = Stopped;
        }

        CloseEverything("this node aborted.");
        TcpLog.Stopped(Logger, localIdentity?.Address.ToString() ?? Settings.SystemName, "aborted");
    }

    /// <summary>Shuts down gracefully (see <see cref="ShutdownAsync"/>).</summary>
    /// <remarks>The cancellation sources stay undisposed: they own no timer, and late loops may still look at their tokens.</remarks>
    public async ValueTask DisposeAsync() => await ShutdownAsync();

    private async Task ShutdownCoreAsync(bool wasStarted, CancellationToken cancellationToken)
    {
        listener?.Dispose();
        await stopping.CancelAsync();
        if (wasStarted)
        {
            using var deadline = cancellationToken.Register(static transport => ((TcpTransport)transport!).CloseEverything("the shutdown was cut short."), this);

            // Outbound first: a peer that hears the goodbye refuses this incarnation from then on, so the
            // last messages (and any connection still being dialed for them) must be through before it.
            await WhenAllAsync(associations.Values.Select(association => association.DrainAsync()), "flushing outbound queues");
            await WhenAllAsync(connections.Keys.Where(connection => connection.IsInbound).Select(connection => SayGoodbyeAsync(connection, cancellationToken)), "telling peers");
        }

        lock (lifecycle)
        {
            state = Stopped;
        }

        CloseEverything("this node shut down.");
        TcpLog.Stopped(Logger, localIdentity?.Address.ToString() ?? Settings.SystemName, "shut down");
    }

    /// <summary>Tells a peer that dialed us that this node is going, then waits (bounded) for it to hang up; a connection still in its handshake is just closed.</summary>
    private async Task SayGoodbyeAsync(TcpConnection connection, CancellationToken cancellationToken)
    {
        if (connection.Peer is null)
        {
            connection.Close("this node is shutting down.");
            return;
        }

        try
        {
            await connection.SendCloseAsync(CloseCode.Shutdown, ShutdownReason, Settings.MaxFrameSize, cancellationToken);
            await connection.Finished.WaitAsync(Settings.HandshakeTimeout, Settings.TimeProvider, cancellationToken);
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException or TimeoutException)
        {
            connection.Close("this node is shutting down.");
        }
    }

    private async Task WhenAllAsync(IEnumerable<Task> tasks, string what)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception error)
        {
            TcpLog.ConnectionLost(Logger, "peers", $"{what} failed: {error.Message}");
        }
    }

    private void CloseEverything(string reason)
    {
        stopping.Cancel();
        aborting.Cancel();
        listener?.Dispose();
        foreach (var connection in connections.Keys)
        {
            connection.Close(reason);
        }

        foreach (var association in associations.Values)
        {
            association.Stop(reason);
        }
    }
}
