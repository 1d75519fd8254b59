using ClusterActors.Cluster.Transitions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterActors.Management.Transitions;

/// <summary>The read-only route of the ordered transitions (SPEC T): every node's state and where each transition stands.</summary>
public static class ClusterTransitionsEndpoints
{
    /// <summary>The route of the transitions view (GET).</summary>
    public const string TransitionsRoute = "/cluster/transitions";

    /// <summary>Maps <c>GET /cluster/transitions</c>; like <c>GET /cluster/members</c> it needs no token.</summary>
    public static IEndpointRouteBuilder MapClusterTransitionsEndpoints(this IEndpointRouteBuilder endpoints, ITransitionsClient transitions)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(transitions);

        var routes = new ClusterTransitionsRoutes(transitions);
        endpoints.MapGet(TransitionsRoute, Serve(routes.GetAsync));
        return endpoints;
    }

    // A plain request delegate, as for the members routes: no parameter binding by reflection.
    private static RequestDelegate Serve(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context)).ExecuteAsync(context);
}
