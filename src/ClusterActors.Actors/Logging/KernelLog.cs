using Microsoft.Extensions.Logging;

namespace ClusterActors.Actors;

/// <summary>Every log line the kernel writes, as source-generated logger messages.</summary>
internal static partial class KernelLog
{
    [LoggerMessage(1, LogLevel.Information, "Message {MessageType} from {Sender} to {Recipient} was not delivered: dead letter #{Count}.")]
    public static partial void DeadLetter(ILogger logger, string? messageType, ActorPath? sender, ActorPath recipient, long count);

    [LoggerMessage(2, LogLevel.Information, "{Max} dead letters logged; further dead letters are counted and published but not logged.")]
    public static partial void DeadLettersNoLongerLogged(ILogger logger, int max);

    [LoggerMessage(3, LogLevel.Warning, "Unhandled message {MessageType} from {Sender} to {Recipient}.")]
    public static partial void UnhandledMessage(ILogger logger, string? messageType, ActorPath recipient, ActorPath? sender);

    [LoggerMessage(4, LogLevel.Error, "Actor {Child} failed; directive: {Directive}.")]
    public static partial void Supervised(ILogger logger, Exception cause, ActorPath child, Directive directive);

    [LoggerMessage(20, LogLevel.Critical, "Kernel fault while running the mailbox of {Actor}; the actor may be stuck.")]
    public static partial void KernelFault(ILogger logger, Exception error, ActorPath actor);

    [LoggerMessage(19, LogLevel.Warning, "Actor {Child} failed; directive: Resume (state kept).")]
    public static partial void Resumed(ILogger logger, Exception cause, ActorPath child);

    [LoggerMessage(5, LogLevel.Error, "Top-level actor {Child} escalated a failure to the user guardian; stopping it.")]
    public static partial void TopLevelEscalated(ILogger logger, Exception cause, ActorPath child);

    [LoggerMessage(6, LogLevel.Error, "The supervisor strategy of {Parent} threw while deciding on {Child}; stopping the child.")]
    public static partial void DeciderFailed(ILogger logger, Exception error, ActorPath parent, ActorPath child);

    [LoggerMessage(7, LogLevel.Debug, "Ignored a failure report from {Child}, which is no (longer a) child of {Parent}.")]
    public static partial void FailureFromNonChild(ILogger logger, ActorPath child, ActorPath parent);

    [LoggerMessage(8, LogLevel.Error, "Actor {Actor} failed while terminating; it stops anyway.")]
    public static partial void FailureWhileTerminating(ILogger logger, Exception error, ActorPath actor);

    [LoggerMessage(9, LogLevel.Error, "Actor {Actor} failed again while awaiting its supervisor's decision.")]
    public static partial void FailureWhileFailed(ILogger logger, Exception error, ActorPath actor);

    [LoggerMessage(10, LogLevel.Error, "{Hook} of {Actor} threw; continuing.")]
    public static partial void HookFailed(ILogger logger, Exception error, string hook, ActorPath actor);

    [LoggerMessage(11, LogLevel.Debug, "A continuation of an async handler of {Actor} arrived after it stopped; not run.")]
    public static partial void ContinuationAfterStop(ILogger logger, ActorPath actor);

    [LoggerMessage(12, LogLevel.Critical, "Guardian {Guardian} failed; stopping it.")]
    public static partial void GuardianFailed(ILogger logger, Exception error, ActorPath guardian);

    [LoggerMessage(13, LogLevel.Information, "Coordinated shutdown of {System} started: {Reason}.")]
    public static partial void ShutdownStarted(ILogger logger, string system, string reason);

    [LoggerMessage(14, LogLevel.Debug, "Coordinated shutdown phase {Phase}: {Count} task(s).")]
    public static partial void ShutdownPhase(ILogger logger, string phase, int count);

    [LoggerMessage(15, LogLevel.Warning, "Coordinated shutdown phase {Phase}: task {Task} did not finish within {Timeout}; continuing with the next phase.")]
    public static partial void ShutdownTaskTimedOut(ILogger logger, string phase, string task, TimeSpan timeout);

    [LoggerMessage(16, LogLevel.Error, "Coordinated shutdown phase {Phase}: task {Task} failed; continuing.")]
    public static partial void ShutdownTaskFailed(ILogger logger, Exception error, string phase, string task);

    [LoggerMessage(17, LogLevel.Error, "Actor system {System} terminated before all its actors stopped (the last phase timed out).")]
    public static partial void ActorsNotStopped(ILogger logger, string system);

    [LoggerMessage(18, LogLevel.Information, "Actor system {System} terminated.")]
    public static partial void Terminated(ILogger logger, string system);
}
