using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Actors;

/// <summary>A tree of actors under /user (application) and /system (infrastructure), with its dispatcher, clock, event stream, dead letters and ordered shutdown.</summary>
public sealed partial class ActorSystem : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Type, ILogger> actorLoggers = new();
    private readonly TaskCompletionSource userGuardianStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource systemGuardianStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource whenTerminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell userGuardian;
    private readonly ActorCell systemGuardian;
    private readonly ActorPath tempPath;
    private readonly ConcurrentDictionary<string, InternalActorRef> exposedTempActors = new(StringComparer.Ordinal);
    private long uidCounter;
    private long generatedNameCounter;
    private long tempCounter;

    private ActorSystem(string name, ActorSystemSettings settings, Address address)
    {
        Name = name;
        Settings = settings;
        TimeProvider = settings.TimeProvider;
        Dispatcher = settings.Dispatcher ?? new ThreadPoolDispatcher(settings.Throughput, settings.PreferLocalQueues);
        Log = settings.LoggerFactory.CreateLogger("ClusterActors.Actors.ActorSystem");
        Address = address;
        var root = ActorPath.Root(Address);
        SystemPath = root.ChildWithUid("system", ActorPath.UndefinedUid);
        tempPath = root.ChildWithUid("temp", ActorPath.UndefinedUid);
        DeadLetters = new DeadLetterActorRef(this, root.ChildWithUid("deadLetters", ActorPath.UndefinedUid));
        EventStream = new EventStream(this);
        CoordinatedShutdown = new CoordinatedShutdown(this);

        var rootGuardian = new RootGuardianRef(this, root);
        var guardianProps = Props.Create(static () => new GuardianActor()).WithSupervisorStrategy(GuardianStrategy.Instance);
        userGuardian = new ActorCell(this, rootGuardian, root.ChildWithUid("user", NextUid()), guardianProps, isGuardian: true);
        systemGuardian = new ActorCell(this, rootGuardian, root.ChildWithUid("system", NextUid()), guardianProps, isGuardian: true);
        userGuardian.SendSystemMessage(new Create());
        systemGuardian.SendSystemMessage(new Create());
    }

    /// <summary>The system's name (the <c>sys</c> in <c>ca://sys/user/a</c>).</summary>
    public string Name { get; }

    /// <summary>The settings the system was created with.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The system's only clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The system's address (local: <c>ca://name</c>).</summary>
    public Address Address { get; }

    /// <summary>Publish–subscribe of system events (dead letters, unhandled messages, …).</summary>
    public EventStream EventStream { get; }

    /// <summary>Where undeliverable messages go: counted, logged, published as <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>The kernel's logger.</summary>
    public ILogger Log { get; }

    /// <summary>Counts of dead letters, unhandled messages, failures and restarts.</summary>
    public KernelCounters Counters { get; } = new();

    /// <summary>The ordered shutdown of this system.</summary>
    public CoordinatedShutdown CoordinatedShutdown { get; }

    /// <summary>Completes when the system has terminated (all actors stopped).</summary>
    public Task WhenTerminated => whenTerminated.Task;

    /// <summary>True once the system has terminated.</summary>
    public bool IsTerminated => whenTerminated.Task.IsCompleted;

    internal Dispatcher Dispatcher { get; }

    internal ActorPath SystemPath { get; }

    /// <summary>Creates and starts an actor system; the name may hold letters, digits, '-' and '_'.</summary>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Create(name, settings, new Address(Address.LocalProtocol, name));
    }

    /// <summary>Creates a system whose actors live at <paramref name="address"/> (remoting's <c>ca.tcp://name@host:port</c>).</summary>
    internal static ActorSystem Create(string name, ActorSystemSettings? settings, Address address)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(address);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"Actor system name '{name}' is illegal: use letters, digits, '-' and '_', starting with a letter or digit.", nameof(name));
        }

        if (!string.Equals(address.System, name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Address {address} names system '{address.System}', not '{name}'.", nameof(address));
        }

        settings ??= new ActorSystemSettings();
        settings.Validate();
        return new ActorSystem(name, settings, address);
    }

    /// <summary>True when <paramref name="name"/> may name an actor system: letters, digits, '-' and '_', starting with a letter or digit.</summary>
    public static bool IsValidName(string name) =>
        name is { Length: > 0 } && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Starts a top-level actor under /user.</summary>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        ThrowIfTerminated(name);
        return userGuardian.CreateChild(props, name, userNamed: true);
    }

    /// <summary>Starts an infrastructure actor under /system.</summary>
    public IActorRef SystemActorOf(Props props, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfTerminated(name);
        return systemGuardian.CreateChild(props, name, userNamed: true);
    }

    /// <summary>Stops <paramref name="actor"/> asynchronously (its children first).</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not InternalActorRef target)
        {
            throw new ArgumentException($"Cannot stop {actor}: it is not an actor ref of this kernel.", nameof(actor));
        }

        if (target.System is { } owner && !ReferenceEquals(owner, this))
        {
            throw new ArgumentException($"Cannot stop {actor} through actor system '{Name}': it belongs to '{owner.Name}'.", nameof(actor));
        }

        target.SendSystemMessage(new Terminate());
    }

    /// <summary>Runs the coordinated shutdown with reason <see cref="ShutdownReason.ActorSystemTerminate"/>; completes when the system terminated.</summary>
    public Task Terminate() => CoordinatedShutdown.Run(ShutdownReason.ActorSystemTerminate);

    /// <summary>Terminates the system and waits for it.</summary>
    public async ValueTask DisposeAsync() => await Terminate();

    /// <inheritdoc />
    public override string ToString() => Address.ToString();

    internal long NextUid() => Interlocked.Increment(ref uidCounter);

    internal long NextGeneratedNameNumber() => Interlocked.Increment(ref generatedNameCounter);

    internal long NextTempNumber() => Interlocked.Increment(ref tempCounter);

    internal ActorPath TempPath(long number) => tempPath.ChildWithUid(ActorPathNames.Generated(number), ActorPath.UndefinedUid);

    internal ILogger LoggerFor(Type actorType) =>
        actorLoggers.GetOrAdd(actorType, static (type, factory) => factory.CreateLogger(type.FullName ?? type.Name), Settings.LoggerFactory);

    /// <summary>Counts, logs (up to the configured maximum) and publishes an undeliverable message.</summary>
    internal void DeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        var count = Counters.IncrementDeadLetters();
        if (Settings.LogDeadLetters)
        {
            if (count <= Settings.MaxDeadLettersLogged)
            {
                KernelLog.DeadLetter(Log, message.GetType().FullName, sender?.Path, recipient.Path, count);
            }
            else if (count == Settings.MaxDeadLettersLogged + 1)
            {
                KernelLog.DeadLettersNoLongerLogged(Log, Settings.MaxDeadLettersLogged);
            }
        }

        // A dead letter of a DeadLetter event is not published again: that could loop forever.
        if (message is not Actors.DeadLetter)
        {
            EventStream.Publish(new DeadLetter(message, sender, recipient));
        }
    }

    internal void OnGuardianTerminated(InternalActorRef guardian)
    {
        if (guardian.Equals(userGuardian.Self))
        {
            userGuardianStopped.TrySetResult();
        }
        else if (guardian.Equals(systemGuardian.Self))
        {
            systemGuardianStopped.TrySetResult();
        }
    }

    /// <summary>The last shutdown step: /user (depth-first), then /system.</summary>
    internal async Task StopGuardians()
    {
        userGuardian.SendSystemMessage(new Terminate());
        await userGuardianStopped.Task;
        systemGuardian.SendSystemMessage(new Terminate());
        await systemGuardianStopped.Task;
    }

    internal void OnShutdownCompleted()
    {
        if (!userGuardianStopped.Task.IsCompleted || !systemGuardianStopped.Task.IsCompleted)
        {
            KernelLog.ActorsNotStopped(Log, Name);
        }

        KernelLog.Terminated(Log, Name);
        whenTerminated.TrySetResult();
    }

    private void ThrowIfTerminated(string? name)
    {
        if (IsTerminated)
        {
            throw new InvalidOperationException($"Cannot create actor '{name ?? "(unnamed)"}': actor system '{Name}' has terminated.");
        }
    }

    /// <summary>The actor behind /user and /system: it only supervises.</summary>
    private sealed class GuardianActor : ActorBase
    {
        protected override bool Receive(object message) => false;
    }
}
