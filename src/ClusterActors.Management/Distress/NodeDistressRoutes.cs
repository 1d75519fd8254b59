using System.Text.Json;
using ClusterActors.Cluster.Distress;
using ClusterActors.Management.Cluster;
using Microsoft.AspNetCore.Http;

namespace ClusterActors.Management.Distress;

/// <summary>The handler behind <see cref="NodeDistressEndpoints"/>: check the token and the body, send, say what was done.</summary>
internal sealed class NodeDistressRoutes(IDistressSignal distress, ManagementToken token)
{
    private const int MaxBodyBytes = 16 * 1024;

    public async Task<IResult> SendAsync(HttpContext context)
    {
        if (BearerTokenGate.Refusal(context, token) is { } refusal)
        {
            return refusal;
        }

        var (request, error) = await ReadAsync(context);
        if (error is not null)
        {
            return ManagementAnswers.Message(StatusCodes.Status400BadRequest, error);
        }

        DistressOutcome outcome;
        try
        {
            outcome = distress.Send(request!.Kind!, request.Reason ?? "operator request");
        }
        catch (InvalidOperationException ex)
        {
            return ManagementAnswers.Message(StatusCodes.Status503ServiceUnavailable, ex.Message);
        }

        if (outcome.AlreadySent)
        {
            return ManagementAnswers.Message(StatusCodes.Status409Conflict, "This node has already sent its distress signal; it is offline until it restarts as a new incarnation");
        }

        var message = outcome.Way == DistressWay.Sync
            ? $"Distress ({outcome.Kind}) written to {outcome.Written} of {outcome.Members} members; this node gives up every role"
            : $"Distress ({outcome.Kind}) handed to the distress sender for {outcome.Members} members; this node gives up every role";
        return Results.Json(
            new NodeDistressResponse(outcome.Kind, outcome.Way == DistressWay.Sync ? "sync" : "async", outcome.Members, outcome.Written, message),
            NodeDistressJsonContext.Default.NodeDistressResponse,
            statusCode: outcome.Way == DistressWay.Sync ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
    }

    private static async Task<(NodeDistressRequest? Request, string? Error)> ReadAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, $"The body is larger than {MaxBodyBytes} bytes");
        }

        NodeDistressRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, NodeDistressJsonContext.Default.NodeDistressRequest, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not the JSON {{\"kind\": \"…\", \"reason\": \"…\"}}: {ex.Message}");
        }

        if (request?.Kind is not { } kind || string.IsNullOrWhiteSpace(kind))
        {
            return (null, "The body needs \"kind\": a failure kind such as hardware, power-loss, network-down, unhandled-exception or imminent-crash (an unknown kind is sent synchronously)");
        }

        return (request, null);
    }
}
