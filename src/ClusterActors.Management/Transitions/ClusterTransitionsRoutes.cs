using ClusterActors.Cluster.Transitions;
using ClusterActors.Management.Cluster;
using Microsoft.AspNetCore.Http;

namespace ClusterActors.Management.Transitions;

/// <summary>The handler behind <see cref="ClusterTransitionsEndpoints"/>: ask the transitions, answer JSON.</summary>
internal sealed class ClusterTransitionsRoutes(ITransitionsClient transitions)
{
    private const string Supervisor = "transition supervisor";

    public Task<IResult> GetAsync(HttpContext context) =>
        ManagementAsk.AskAsync(
            context,
            Supervisor,
            transitions.GetTransitionsAsync,
            snapshot => Results.Json(ClusterTransitionsView.From(snapshot), ClusterTransitionsJsonContext.Default.ClusterTransitionsResponse));
}
