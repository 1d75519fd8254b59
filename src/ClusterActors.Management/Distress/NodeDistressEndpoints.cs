using ClusterActors.Cluster.Distress;
using ClusterActors.Management.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterActors.Management.Distress;

/// <summary>The operator's distress trigger (SPEC S3, S4): <c>POST /node/distress</c>.</summary>
public static class NodeDistressEndpoints
{
    /// <summary>The route.</summary>
    public const string DistressRoute = "/node/distress";

    /// <summary>Maps <c>POST /node/distress</c> with a JSON body <c>{"kind": "…", "reason": "…"}</c>; it needs the bearer token.</summary>
    public static IEndpointRouteBuilder MapNodeDistressEndpoints(this IEndpointRouteBuilder endpoints, IDistressSignal distress, ManagementToken token)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(distress);
        ArgumentNullException.ThrowIfNull(token);

        var routes = new NodeDistressRoutes(distress, token);
        endpoints.MapPost(DistressRoute, async context => await (await routes.SendAsync(context)).ExecuteAsync(context));
        return endpoints;
    }
}
