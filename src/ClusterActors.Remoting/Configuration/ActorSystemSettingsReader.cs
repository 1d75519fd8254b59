using ClusterActors.Actors;
using ClusterActors.Hocon;

namespace ClusterActors.Remoting;

/// <summary>Maps the <c>clusteractors.actor</c> and <c>clusteractors.coordinated-shutdown</c> keys onto the kernel's settings.</summary>
/// <remarks>The kernel knows nothing of HOCON; this is the one place where its settings meet the configuration (here, beside the remoting reader, because the node host and the multi-node TestKit both need it).</remarks>
public static class ActorSystemSettingsReader
{
    /// <summary>Reads the kernel settings; bad values throw naming their key.</summary>
    public static ActorSystemSettings Read(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        const string actor = "clusteractors.actor.";
        const string shutdown = "clusteractors.coordinated-shutdown.";

        var throughput = config.GetInt(actor + "throughput");
        if (throughput < 1)
        {
            throw new ConfigurationValueException(actor + "throughput", $"{throughput} must be at least 1");
        }

        var maxLogged = config.GetInt(actor + "max-dead-letters-logged");
        if (maxLogged < 0)
        {
            throw new ConfigurationValueException(actor + "max-dead-letters-logged", $"{maxLogged} must not be negative");
        }

        return new ActorSystemSettings
        {
            Throughput = throughput,
            PreferLocalQueues = config.GetBoolean(actor + "prefer-local-queues"),
            DefaultAskTimeout = Positive(config, actor + "ask-timeout"),
            LogDeadLetters = config.GetBoolean(actor + "log-dead-letters"),
            MaxDeadLettersLogged = maxLogged,
            LogUnhandled = config.GetBoolean(actor + "log-unhandled"),
            ShutdownPhaseTimeout = Positive(config, shutdown + "default-phase-timeout"),
            ShutdownPhaseTimeouts = PhaseTimeouts(config, shutdown + "phase-timeouts"),
        };
    }

    private static Dictionary<string, TimeSpan> PhaseTimeouts(HoconConfig config, string path)
    {
        var timeouts = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        if (!config.HasPath(path))
        {
            return timeouts;
        }

        foreach (var phase in config.GetConfig(path).Keys)
        {
            if (!CoordinatedShutdown.Phases.Contains(phase))
            {
                throw new ConfigurationValueException($"{path}.{phase}", $"there is no shutdown phase '{phase}'; the phases are {string.Join(", ", CoordinatedShutdown.Phases)}");
            }

            timeouts[phase] = Positive(config, $"{path}.{phase}");
        }

        return timeouts;
    }

    private static TimeSpan Positive(HoconConfig config, string path)
    {
        var value = config.GetDuration(path);
        return value > TimeSpan.Zero ? value : throw new ConfigurationValueException(path, $"{value} must be longer than zero");
    }
}
