using ClusterActors.Actors;

namespace ClusterActors.Cluster.Transitions;

/// <summary>
/// A sample subsystem that shows the ordering on a running node: it registers at its level, logs every
/// notice and acknowledges after <see cref="SampleSubsystem.Work"/>. It stands in for the seed's lock
/// manager, virtual disk and shared file system; it manages no lock, disk or file.
/// </summary>
public sealed class LoggingSubsystem : ReceiveActor
{
    private readonly SampleSubsystem definition;
    private readonly IActorRef supervisor;

    /// <summary>Creates the subsystem; it registers with <paramref name="supervisor"/> when it starts.</summary>
    public LoggingSubsystem(SampleSubsystem definition, IActorRef supervisor)
    {
        this.definition = definition ?? throw new ArgumentNullException(nameof(definition));
        this.supervisor = supervisor ?? throw new ArgumentNullException(nameof(supervisor));
        Receive<SubsystemRegistered>(_ => { });
        Receive<SubsystemRegistrationRefused>(refused => SubsystemLog.Refused(Context.Log, refused.Name, refused.Level, refused.Reason));
        Receive<TransitionNotice>(OnNotice);
        Receive<DoneWith>(done => supervisor.Tell(done.Notice.Acknowledgement, Self));
        Receive<SubsystemDeregistered>(message => SubsystemLog.Deregistered(Context.Log, message.Name, message.Level));
        Receive<TransitionsHalted>(message => SubsystemLog.Halted(Context.Log, definition.Name, message.Reason));
    }

    /// <inheritdoc />
    protected override void PreStart() => supervisor.Tell(new RegisterSubsystem(definition.Name, definition.Level, definition.Barriers), Self);

    private void OnNotice(TransitionNotice notice)
    {
        foreach (var transition in notice.Transitions)
        {
            SubsystemLog.Notified(Context.Log, definition.Name, notice.Level, transition.State, transition.Node, transition.Barrier, transition.Renotification);
        }

        if (definition.Work <= TimeSpan.Zero)
        {
            supervisor.Tell(notice.Acknowledgement, Self);
            return;
        }

        Context.Timers.StartSingleTimer(notice.Id, new DoneWith(notice), definition.Work);
    }

    private sealed record DoneWith(TransitionNotice Notice);
}

/// <summary>A sample subsystem's name, level, barriers and how long its "work" takes.</summary>
public sealed record SampleSubsystem(string Name, int Level, TransitionBarriers Barriers, TimeSpan Work)
{
    /// <summary>The kernel-level subsystems of the seed, in its order (the membership itself is level 0, the event manager comes later at 100).</summary>
    public static IReadOnlyList<SampleSubsystem> SeedLevels { get; } =
    [
        new("lock-manager", 10, TransitionBarriers.One, TimeSpan.Zero),
        new("virtual-disk", 20, TransitionBarriers.One, TimeSpan.Zero),
        new("shared-file-system", 30, TransitionBarriers.One, TimeSpan.Zero),
    ];
}
