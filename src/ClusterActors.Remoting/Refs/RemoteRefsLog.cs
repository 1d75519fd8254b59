using ClusterActors.Actors;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Remoting;

/// <summary>Log lines of remote refs and remote death watch.</summary>
internal static partial class RemoteRefsLog
{
    [LoggerMessage(201, LogLevel.Warning, "System message {Message} for remote actor {Path} is not carried across nodes (stop a remote actor with PoisonPill); dropped.")]
    public static partial void SystemMessageNotCarried(ILogger logger, string message, ActorPath path);

    [LoggerMessage(202, LogLevel.Information, "Node {Address} run {Incarnation} is gone: {Reason}. Its watched actors are reported terminated.")]
    public static partial void IncarnationGone(ILogger logger, Address address, long incarnation, string reason);
}
