using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>Swaps the kernel's own messages, which hold singletons, exceptions and refs, for wire records and back.</summary>
internal static class KernelMessageSurrogates
{
    /// <summary>The wire form of <paramref name="message"/>: a surrogate for a kernel message, else the message itself.</summary>
    public static object ToWire(object message, RemoteRefs refs) => message switch
    {
        PoisonPill => new PoisonPillWire(),
        Kill => new KillWire(),
        Status.Failure failure => new StatusFailureWire(failure.Cause.GetType().FullName ?? failure.Cause.GetType().Name, failure.Cause.Message),
        Identify identify => new IdentifyWire(MessageIdOf(identify.MessageId)),
        ActorIdentity identity => new ActorIdentityWire(MessageIdOf(identity.MessageId), identity.Subject is null ? null : refs.PathForWire(identity.Subject)),
        _ => message,
    };

    /// <summary>The kernel message a wire record stands for, else the message itself.</summary>
    public static object FromWire(object message, RemoteRefs refs, NodeIdentity peer) => message switch
    {
        PoisonPillWire => PoisonPill.Instance,
        KillWire => Kill.Instance,
        StatusFailureWire failure => new Status.Failure(new RemoteFailureException(failure.ExceptionType, failure.Message)),
        IdentifyWire identify => new Identify(identify.MessageId),
        ActorIdentityWire identity => new ActorIdentity(identity.MessageId, identity.Subject is null ? null : refs.ResolveFromWire(identity.Subject, peer)),
        _ => message,
    };

    private static string? MessageIdOf(object? messageId) => messageId switch
    {
        null => null,
        string text => text,
        _ => throw new ArgumentException($"Identify over remoting takes a string message id or none, not {messageId.GetType().FullName}.", nameof(messageId)),
    };
}
