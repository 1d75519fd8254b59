using System.CommandLine;

namespace ClusterActors.Node;

/// <summary>The node's command line: <c>--config FILE</c> and any number of <c>--set path=value</c>.</summary>
public static class NodeCommandLine
{
    /// <summary>
    /// Signals are left to the web host (it runs the ordered shutdown on SIGTERM and Ctrl-C);
    /// System.CommandLine would otherwise race it for them.
    /// </summary>
    public static InvocationConfiguration Invocation { get; } = new() { ProcessTerminationTimeout = null };

    /// <summary>Builds the root command that runs a node.</summary>
    public static RootCommand Create()
    {
        var config = new Option<FileInfo?>("--config", "-c")
        {
            Description = "HOCON file with this node's configuration, layered over reference.conf.",
        };
        var set = new Option<string[]>("--set")
        {
            Description = "Override one key, as HOCON: --set clusteractors.management.http.port=9000 (repeatable; wins over file and environment).",
            AllowMultipleArgumentsPerToken = false,
            DefaultValueFactory = _ => [],
        };

        var root = new RootCommand("Runs a ClusterActors node: loads its configuration, starts the actor system and serves the management endpoints.")
        {
            config,
            set,
        };
        root.SetAction((result, cancellation) =>
        {
            var launch = new NodeLaunch(result.GetValue(config)?.FullName, result.GetValue(set) ?? []);
            return NodeRunner.RunAsync(launch, Console.Error, cancellation);
        });
        return root;
    }
}
