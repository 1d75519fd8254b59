namespace ClusterActors.Remoting;

/// <summary>The distress half of an association: keeping a connection open ahead of time, and writing a distress frame on it synchronously.</summary>
internal sealed partial class TcpAssociation
{
    // Set by EnsureConnected: the outbound loop dials (and redials) even with nothing queued, until the
    // peer's current run is gone. Guarded by the association's lock.
    private bool keepConnected;

    /// <summary>Asks the outbound loop to dial now and keep a connection open even with nothing queued; returns at once.</summary>
    public void EnsureConnected()
    {
        var started = false;
        lock (gate)
        {
            if (!accepting)
            {
                return;
            }

            keepConnected = true;
            if (outbound is { IsClosed: false })
            {
                return;
            }

            if (outboundLoop is null)
            {
                // Task.Run: the loop must not capture the caller's synchronization context.
                outboundLoop = Task.Run(RunOutboundAsync);
                started = true;
            }
        }

        if (!started)
        {
            wake.Set();
        }
    }

    /// <summary>Writes <paramref name="frame"/> on the open outbound connection, on this thread; false (reported) when there is none or it does not go through in time.</summary>
    public bool WriteDistress(ReadOnlySpan<byte> frame, TimeSpan timeout)
    {
        TcpConnection? connection;
        lock (gate)
        {
            connection = outbound is { IsClosed: false } open ? open : null;
        }

        if (connection is null)
        {
            Diagnostics.ReportDistressNotWritten("no connection to it is open (a dying node does not dial; call EnsureConnected ahead of time).");
            return false;
        }

        var failure = connection.TryWriteNow(frame, timeout, transport.Settings.TimeProvider);
        if (failure is not null)
        {
            connection.Diagnostics.ReportDistressNotWritten(failure);
            Wake();
            return false;
        }

        return true;
    }

    /// <summary>Called under the lock when <paramref name="incarnation"/> is gone for good: a connection kept open for it is no longer wanted.</summary>
    private void ForgetKeepConnectedLocked(long incarnation)
    {
        if (incarnations.Known == incarnation)
        {
            keepConnected = false;
        }
    }
}
