using ClusterActors.Cluster.Transitions;
using ClusterActors.Management.Cluster;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterActors.Management.Transitions;

/// <summary>The handler behind <see cref="ClusterTransitionsEndpoints"/>: ask the transitions, answer JSON.</summary>
internal sealed partial class ClusterTransitionsRoutes(ITransitionsClient transitions)
{
    public const string SupervisorTimedOut = "The transition supervisor did not answer in time";

    // Whatever the supervisor does (no answer in time, not started), the operator gets a JSON 503
    // saying so, as from the members routes, never a bare 500; only a request the client itself
    // abandoned is let go.
    public async Task<IResult> GetAsync(HttpContext context)
    {
        TransitionsSnapshot snapshot;
        try
        {
            snapshot = await transitions.GetTransitionsAsync(context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogSupervisorUnavailable(Logger(context), context.Request.Method, context.Request.Path, ex);
            var message = ex is TimeoutException ? SupervisorTimedOut : $"The transition supervisor could not answer: {ex.Message}";
            return ManagementAnswers.Message(StatusCodes.Status503ServiceUnavailable, message);
        }

        return Results.Json(ClusterTransitionsView.From(snapshot), ClusterTransitionsJsonContext.Default.ClusterTransitionsResponse);
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger<ClusterTransitionsRoutes>() ?? NullLogger<ClusterTransitionsRoutes>.Instance;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the transition supervisor did not answer")]
    private static partial void LogSupervisorUnavailable(ILogger logger, string method, string path, Exception exception);
}
