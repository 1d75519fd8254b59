using System.Runtime.InteropServices;
using ClusterActors.Cluster.Distress;

namespace ClusterActors.Node.Hosting;

/// <summary>
/// The node host's own distress triggers (SPEC S3, S4): an unhandled exception sends synchronously on
/// the dying thread; SIGPWR (the UPS says the power failed) sends asynchronously and starts the
/// ordered shutdown; the cluster interface going down sends synchronously
/// (<see cref="ClusterInterfaceWatch"/>). The operator's trigger is <c>POST /node/distress</c>.
/// </summary>
internal sealed class DistressTriggers : IDisposable
{
    /// <summary>SIGPWR on Linux (x86-64 and ARM); PosixSignal has no name for it, raw numbers are allowed.</summary>
    private const int PowerFailureSignal = 30;

    private readonly IDistressSignal signal;
    private readonly PosixSignalRegistration? powerFailure;
    private readonly ClusterInterfaceWatch? clusterInterface;

    private DistressTriggers(IDistressSignal signal, string clusterHostname, IHostApplicationLifetime lifetime, ILogger log)
    {
        this.signal = signal;
        clusterInterface = ClusterInterfaceWatch.Start(clusterHostname, why => TrySend(signal, "network-down", why));
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        if (OperatingSystem.IsLinux())
        {
            powerFailure = PosixSignalRegistration.Create((PosixSignal)PowerFailureSignal, context =>
            {
                // The default action of SIGPWR ends the process at once: keep it alive for the ordered shutdown.
                context.Cancel = true;
                if (TrySend(signal, "power-loss", "SIGPWR: the power failed") is { } outcome)
                {
                    NodeLog.PowerFailure(log, outcome.Way, outcome.Members);
                }

                lifetime.StopApplication();
            });
        }
    }

    /// <summary>Registers the triggers for <paramref name="signal"/>; <paramref name="clusterHostname"/> is the address the cluster transport listens on.</summary>
    public static DistressTriggers Register(IDistressSignal signal, string clusterHostname, IHostApplicationLifetime lifetime, ILogger log) => new(signal, clusterHostname, lifetime, log);

    /// <inheritdoc />
    public void Dispose()
    {
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        powerFailure?.Dispose();
        clusterInterface?.Dispose();
    }

    private void OnUnhandledException(object sender, UnhandledExceptionEventArgs e)
    {
        var reason = e.ExceptionObject is Exception error ? $"{error.GetType().Name}: {error.Message}" : "an unhandled exception";
        TrySend(signal, "unhandled-exception", reason);
    }

    /// <summary>Sends, unless the node is still starting or already stopping (then there is no one to tell as this run).</summary>
    private static DistressOutcome? TrySend(IDistressSignal signal, string kind, string reason)
    {
        try
        {
            return signal.Send(kind, reason);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
