using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterActors.Actors;

/// <summary>Everything an <see cref="ActorSystem"/> can be tuned with; the node host maps its configuration onto this.</summary>
public sealed record ActorSystemSettings
{
    /// <summary>The only source of time for the kernel: timers, ask timeouts, shutdown phase timeouts, restart windows.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Runs the mailboxes; null selects a <see cref="ThreadPoolDispatcher"/> with <see cref="Throughput"/>.</summary>
    public Dispatcher? Dispatcher { get; init; }

    /// <summary>Messages an actor processes per mailbox run before it yields its thread.</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>For the default dispatcher: queue mailboxes woken by an actor on the current worker (see <see cref="ThreadPoolDispatcher"/>).</summary>
    public bool PreferLocalQueues { get; init; } = true;

    /// <summary>Timeout of an Ask that names none.</summary>
    public TimeSpan DefaultAskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the kernel and actors log.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Whether dead letters are logged (they are always counted and published).</summary>
    public bool LogDeadLetters { get; init; } = true;

    /// <summary>After this many logged dead letters, one summary line is logged and the rest are only counted and published.</summary>
    public int MaxDeadLettersLogged { get; init; } = 100;

    /// <summary>Whether unhandled messages are logged (they are always counted and published).</summary>
    public bool LogUnhandled { get; init; } = true;

    /// <summary>Timeout of a coordinated shutdown phase not named in <see cref="ShutdownPhaseTimeouts"/>.</summary>
    public TimeSpan ShutdownPhaseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Per-phase timeouts of the coordinated shutdown, by phase name.</summary>
    public IReadOnlyDictionary<string, TimeSpan> ShutdownPhaseTimeouts { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Seed for anything random in the kernel (the <see cref="DeterministicDispatcher"/> takes its own seed).</summary>
    public int RandomSeed { get; init; }

    internal void Validate()
    {
        if (Throughput < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Throughput), Throughput, "ActorSystemSettings.Throughput must be at least 1.");
        }

        if (DefaultAskTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultAskTimeout), DefaultAskTimeout, "ActorSystemSettings.DefaultAskTimeout must be positive.");
        }

        if (MaxDeadLettersLogged < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDeadLettersLogged), MaxDeadLettersLogged, "ActorSystemSettings.MaxDeadLettersLogged must not be negative.");
        }

        if (ShutdownPhaseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ShutdownPhaseTimeout), ShutdownPhaseTimeout, "ActorSystemSettings.ShutdownPhaseTimeout must be positive.");
        }

        foreach (var (phase, timeout) in ShutdownPhaseTimeouts)
        {
            if (!CoordinatedShutdown.Phases.Contains(phase))
            {
                throw new ArgumentException($"ActorSystemSettings.ShutdownPhaseTimeouts names '{phase}', which is no shutdown phase; the phases are {string.Join(", ", CoordinatedShutdown.Phases)}.", nameof(ShutdownPhaseTimeouts));
            }

            if (timeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(ShutdownPhaseTimeouts), timeout, $"ActorSystemSettings.ShutdownPhaseTimeouts['{phase}'] must be positive.");
            }
        }
    }
}
