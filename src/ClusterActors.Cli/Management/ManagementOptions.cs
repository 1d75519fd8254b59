using System.CommandLine;

namespace ClusterActors.Cli.Management;

/// <summary>The <c>--url</c> and <c>--token</c> options every command that talks to a node's management HTTP takes, worded once.</summary>
internal static class ManagementOptions
{
    /// <summary>The node's management URL; <see cref="ManagementEndpoint.TryResolve"/> falls back to the environment, then the default.</summary>
    public static Option<string> Url() => new("--url")
    {
        Description = $"The node's management URL (default {ManagementEndpoint.DefaultUrl}, or ${ManagementEndpoint.UrlVariable}).",
    };

    /// <summary>The bearer token for the routes that change something.</summary>
    public static Option<string> Token() => new("--token")
    {
        Description = $"The management bearer token (default ${ManagementEndpoint.TokenVariable}; prefer it: a command line shows in the process list).",
    };
}
