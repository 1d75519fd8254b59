using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterActors.Management.Cluster;

/// <summary>Asks a cluster actor on behalf of a management route: whatever the actor does, the operator gets an answer.</summary>
internal static partial class ManagementAsk
{
    /// <summary>
    /// Runs <paramref name="ask"/> and answers with <paramref name="answer"/>; no answer in time or a failure
    /// becomes a JSON 503 naming <paramref name="actor"/>, never a bare 500. Only a request the client itself
    /// abandoned is let go.
    /// </summary>
    public static async Task<IResult> AskAsync<T>(HttpContext context, string actor, Func<CancellationToken, Task<T>> ask, Func<T, IResult> answer)
    {
        T reply;
        try
        {
            reply = await ask(context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(ManagementAsk)) ?? NullLogger.Instance;
            LogUnavailable(logger, context.Request.Method, context.Request.Path, actor, ex);
            var message = ex is TimeoutException ? $"The {actor} did not answer in time" : $"The {actor} could not answer: {ex.Message}";
            return ManagementAnswers.Message(StatusCodes.Status503ServiceUnavailable, message);
        }

        return answer(reply);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the {Actor} did not answer")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string actor, Exception exception);
}
