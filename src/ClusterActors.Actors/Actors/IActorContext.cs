using Microsoft.Extensions.Logging;

namespace ClusterActors.Actors;

/// <summary>What an actor sees of itself and its surroundings while it processes a message; valid only on the actor's own turn.</summary>
public interface IActorContext
{
    /// <summary>The actor's own ref.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the current message (dead letters when there is none).</summary>
    IActorRef Sender { get; }

    /// <summary>The actor's supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>A snapshot of the living children.</summary>
    IEnumerable<IActorRef> Children { get; }

    /// <summary>The system the actor lives in.</summary>
    ActorSystem System { get; }

    /// <summary>A logger for the actor (category: its class; scope: its path).</summary>
    ILogger Log { get; }

    /// <summary>Keyed single and periodic timers that send messages to the actor itself.</summary>
    ITimerScheduler Timers { get; }

    /// <summary>The child called <paramref name="name"/>, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>Starts a child; the name must be unique among the living children (generated when null).</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Asks for a <see cref="Terminated"/> when <paramref name="subject"/> stops (at once if it already has).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Cancels a watch; a <see cref="Terminated"/> already queued for it is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Stops <paramref name="actor"/> (a child or the actor itself) asynchronously.</summary>
    void Stop(IActorRef actor);
}
