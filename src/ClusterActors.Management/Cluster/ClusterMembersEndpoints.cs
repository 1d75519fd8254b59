using ClusterActors.Cluster.Membership;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterActors.Management.Cluster;

/// <summary>The cluster membership routes in the style of Akka Management's <c>/cluster/members</c>.</summary>
public static class ClusterMembersEndpoints
{
    /// <summary>The route of the whole membership (GET) and of join petitions (POST).</summary>
    public const string MembersRoute = "/cluster/members";

    /// <summary>
    /// Maps <c>GET /cluster/members</c>, <c>GET|PUT|DELETE /cluster/members/{address}</c> and <c>POST /cluster/members</c>.
    /// PUT, DELETE and POST need <c>Authorization: Bearer &lt;token&gt;</c>; with no token configured they answer 403.
    /// </summary>
    public static IEndpointRouteBuilder MapClusterMembersEndpoints(this IEndpointRouteBuilder endpoints, IClusterMembershipClient membership, ManagementToken token)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(token);

        // A catch-all parameter so that an unencoded full address (with its "//") reaches the route too.
        const string memberRoute = MembersRoute + "/{**" + ClusterMembersRoutes.AddressParameter + "}";
        var routes = new ClusterMembersRoutes(membership, token);
        endpoints.MapGet(MembersRoute, Serve(routes.ListAsync));
        endpoints.MapPost(MembersRoute, Serve(routes.JoinAsync));
        endpoints.MapGet(memberRoute, Serve(routes.GetMemberAsync));
        endpoints.MapDelete(memberRoute, Serve(routes.LeaveAsync));
        endpoints.MapPut(memberRoute, Serve(routes.ChangeAsync));
        return endpoints;
    }

    // Plain request delegates: no parameter binding by reflection, and every answer is a JSON IResult.
    private static RequestDelegate Serve(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context)).ExecuteAsync(context);
}
