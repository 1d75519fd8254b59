using ClusterActors.Actors;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Remoting;

/// <summary>
/// An actor system that other nodes can reach: its actors live at the transport's <c>ca.tcp</c> address,
/// refs to actors on other nodes work like local ones (Tell, Ask, Watch), and a node run that is gone
/// terminates the watches on it.
/// </summary>
/// <remarks>
/// Terminating <see cref="System"/> (by <see cref="ShutdownAsync"/> or its coordinated shutdown) stops the
/// actors first, so their last death-watch notifications still go out, then shuts the transport down
/// gracefully, which tells every peer this run is gone.
/// </remarks>
public sealed class RemoteActorSystem : IAsyncDisposable
{
    private readonly RemoteRefs refs;
    private readonly Task transportStopped;

    private RemoteActorSystem(ActorSystem system, IRemoteTransport transport, MessageSerializer serializer)
    {
        System = system;
        Transport = transport;
        var log = system.Settings.LoggerFactory.CreateLogger("ClusterActors.Remoting");
        refs = new RemoteRefs(system, transport, serializer, log);
        transport.Start(new InboundDelivery(refs, serializer));
        transportStopped = system.WhenTerminated.ContinueWith(
            _ => transport.ShutdownAsync(),
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default).Unwrap();
    }

    /// <summary>The local actor system, addressed as <see cref="Address"/>.</summary>
    public ActorSystem System { get; }

    /// <summary>This node's address, e.g. <c>ca.tcp://cluster@10.0.0.5:2552</c>.</summary>
    public Address Address => System.Address;

    /// <summary>This node as peers see it: node id, address, run (incarnation), software version.</summary>
    public NodeIdentity Identity => Transport.LocalIdentity;

    /// <summary>The transport that carries this node's messages.</summary>
    public IRemoteTransport Transport { get; }

    /// <summary>Counts of frames, bad input and dropped messages (for the management API).</summary>
    public RemotingCounters Counters => Transport.Counters;

    /// <summary>Death watches that cross to other nodes (outgoing: local watchers; incoming: remote watchers).</summary>
    public (int Outgoing, int Incoming) RemoteWatchCount => refs.Watches.Count();

    /// <summary>
    /// Binds <paramref name="transport"/>, creates the actor system <paramref name="name"/> at the bound
    /// address and starts delivering. Remoting's own message types are added to <paramref name="registry"/>.
    /// </summary>
    public static async Task<RemoteActorSystem> StartAsync(string name, IRemoteTransport transport, MessageTypeRegistry registry, ActorSystemSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(registry);
        RemotingMessageTypes.RegisterTo(registry);
        var address = await transport.BindAsync(cancellationToken).ConfigureAwait(false);
        ActorSystem system;
        try
        {
            system = ActorSystem.Create(name, settings, address);
        }
        catch
        {
            await transport.ShutdownAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return new RemoteActorSystem(system, transport, new MessageSerializer(registry));
    }

    /// <summary>The ref for <paramref name="path"/>: a local actor (dead letters if none lives there) or an actor on another node.</summary>
    public IActorRef ResolveRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return refs.Resolve(path, incarnation: null);
    }

    /// <summary>Parses <paramref name="path"/> (e.g. <c>ca.tcp://cluster@10.0.0.5:2552/user/echo</c>) and resolves it.</summary>
    /// <exception cref="FormatException">The text is not an actor path.</exception>
    public IActorRef ResolveRef(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ResolveRef(ActorPath.Parse(path));
    }

    /// <summary>Declares run <paramref name="incarnation"/> of the node at <paramref name="address"/> gone: messages to it are dropped, its connections refused, watchers of its actors get Terminated.</summary>
    public void Quarantine(Address address, long incarnation, string reason)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Transport.Quarantine(address, incarnation, reason);
        refs.OnIncarnationGone(address, incarnation, $"quarantined: {reason}");
    }

    /// <summary>
    /// Writes a pre-formed distress frame (what <see cref="DistressFrame.Fill"/> returned) to the node at
    /// <paramref name="target"/> synchronously, on the calling thread; see <see cref="IRemoteTransport.WriteDistress"/>.
    /// Distress frames from peers arrive as <see cref="DistressReceived"/> on <see cref="ActorSystem.EventStream"/>.
    /// </summary>
    /// <returns>True once the bytes were handed to the network; false (counted and logged) otherwise.</returns>
    public bool WriteDistress(Address target, ReadOnlySpan<byte> frame, TimeSpan timeout) => Transport.WriteDistress(target, frame, timeout);

    /// <summary>Opens (and keeps open) a connection to <paramref name="target"/> now, so a later <see cref="WriteDistress"/> finds one; does not block.</summary>
    public void EnsureConnected(Address target) => Transport.EnsureConnected(target);

    /// <summary>Graceful stop: the actor system's coordinated shutdown, then the transport's (peers hear this run is gone).</summary>
    public async Task ShutdownAsync()
    {
        await System.Terminate().ConfigureAwait(false);
        await transportStopped.ConfigureAwait(false);
    }

    /// <summary>Crash-stop, for failure tests: the transport vanishes without a word, then the actors stop.</summary>
    public Task AbortAsync()
    {
        Transport.Abort();
        return System.Terminate();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await ShutdownAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"{Address} ({Identity.NodeId}, run {Identity.Incarnation})";
}
