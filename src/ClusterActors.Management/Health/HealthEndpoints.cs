using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterActors.Management.Health;

/// <summary>Liveness and readiness probes in the style of Akka Management's health checks.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>GET /alive</c> (200 while the process runs) and <c>GET /ready</c> (200 once the actor system is up, else 500).</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints, NodeReadiness readiness)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(readiness);

        endpoints.MapGet("/alive", () => Answer(StatusCodes.Status200OK, "alive"));
        endpoints.MapGet("/ready", () =>
        {
            var reason = readiness.NotReadyReason;
            return reason is null
                ? Answer(StatusCodes.Status200OK, "ready")
                : Answer(StatusCodes.Status500InternalServerError, reason);
        });
        return endpoints;
    }

    private static IResult Answer(int status, string message) =>
        Results.Json(new ManagementMessage(message), ManagementJsonContext.Default.ManagementMessage, statusCode: status);
}
