using System.Diagnostics.CodeAnalysis;

namespace ClusterActors.Cli.Management;

/// <summary>Where a node's management HTTP listens and the bearer token to present, from options, then the environment, then the default.</summary>
public sealed record ManagementEndpoint(Uri BaseUrl, string? Token)
{
    /// <summary>The URL used when neither <c>--url</c> nor <see cref="UrlVariable"/> gives one.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8558";

    /// <summary>Overrides <see cref="DefaultUrl"/>.</summary>
    public const string UrlVariable = "CLUSTERACTORS_MANAGEMENT_URL";

    /// <summary>Gives the token when <c>--token</c> does not (preferred: a command line shows in the process list).</summary>
    public const string TokenVariable = "CLUSTERACTORS_MANAGEMENT_HTTP_TOKEN";

    /// <summary>Resolves the endpoint; false with an error naming the source of a URL that is not absolute http(s).</summary>
    public static bool TryResolve(
        string? urlOption,
        string? tokenOption,
        Func<string, string?> environment,
        [NotNullWhen(true)] out ManagementEndpoint? endpoint,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        endpoint = null;
        var fromEnvironment = environment(UrlVariable);
        var (url, source) = urlOption is not null ? (urlOption, "--url")
            : !string.IsNullOrWhiteSpace(fromEnvironment) ? (fromEnvironment, UrlVariable)
            : (DefaultUrl, "the default");

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            error = $"'{url}' (from {source}) is not an http:// or https:// URL";
            return false;
        }

        var token = tokenOption ?? environment(TokenVariable);
        endpoint = new ManagementEndpoint(parsed, string.IsNullOrEmpty(token) ? null : token);
        error = null;
        return true;
    }

    /// <summary>The absolute URL of <paramref name="relativePath"/> under <see cref="BaseUrl"/> (a path prefix in the base is kept).</summary>
    public Uri Resolve(string relativePath)
    {
        var text = BaseUrl.AbsoluteUri;
        var withSlash = text.EndsWith('/') ? BaseUrl : new Uri(text + "/");
        return new Uri(withSlash, relativePath);
    }
}
