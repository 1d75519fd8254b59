using System.Collections.Concurrent;
using ClusterActors.Actors;

namespace ClusterActors.TestKit;

/// <summary>The actor behind a <see cref="TestProbe"/>: queues every message (Terminated included) with its sender and signals the waiting test.</summary>
internal sealed class ProbeActor(ConcurrentQueue<(object Message, IActorRef Sender)> queue, SemaphoreSlim arrived) : ActorBase
{
    protected override bool Receive(object message)
    {
        queue.Enqueue((message, Sender));
        arrived.Release();
        return true;
    }
}
