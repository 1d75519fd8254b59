using System.Runtime.InteropServices;

namespace ClusterActors.Cli.LocalCluster;

/// <summary>Ctrl-C (SIGINT) and SIGTERM while it lives: the first asks for an ordered stop, a second one for killing at once.</summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource killNow = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;
    private int received;

    public StopSignals()
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Stop => stop.Token;

    /// <summary>Cancelled by the second signal.</summary>
    public CancellationToken KillNow => killNow.Token;

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        stop.Dispose();
        killNow.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The process stays alive to stop its nodes in order; it exits when they are gone.
        context.Cancel = true;
        (Interlocked.Increment(ref received) == 1 ? stop : killNow).Cancel();
    }
}
