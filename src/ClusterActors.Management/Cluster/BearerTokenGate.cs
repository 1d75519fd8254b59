using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ClusterActors.Management.Cluster;

/// <summary>Lets a state-changing request through only with <c>Authorization: Bearer &lt;token&gt;</c> matching the configured token.</summary>
public static class BearerTokenGate
{
    /// <summary>The 403 message when no token is configured.</summary>
    public const string DisabledMessage = "State-changing routes are disabled: set clusteractors.management.http.token";

    /// <summary>The 401 message when the request carries no bearer token.</summary>
    public const string MissingMessage = "This route needs the header 'Authorization: Bearer <token>' with the token of clusteractors.management.http.token";

    /// <summary>The 401 message when the bearer token is not the configured one.</summary>
    public const string WrongMessage = "The bearer token does not match clusteractors.management.http.token";

    private const string Scheme = "Bearer";

    /// <summary>Null when the request may proceed; otherwise the 401/403 answer (a 401 also sets <c>WWW-Authenticate: Bearer</c>).</summary>
    public static IResult? Refusal(HttpContext context, ManagementToken token)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(token);
        if (!token.IsConfigured)
        {
            return ManagementAnswers.Message(StatusCodes.Status403Forbidden, DisabledMessage);
        }

        var presented = PresentedToken(context.Request);
        if (presented is not null && token.Matches(presented))
        {
            return null;
        }

        context.Response.Headers[HeaderNames.WWWAuthenticate] = Scheme;
        return ManagementAnswers.Message(StatusCodes.Status401Unauthorized, presented is null ? MissingMessage : WrongMessage);
    }

    private static string? PresentedToken(HttpRequest request)
    {
        var values = request.Headers.Authorization;
        if (values.Count != 1)
        {
            return null;
        }

        var value = values[0] ?? string.Empty;
        return value.Length > Scheme.Length && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && value[Scheme.Length] == ' '
            ? value[(Scheme.Length + 1)..].Trim()
            : null;
    }
}
