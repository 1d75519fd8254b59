using System.CommandLine;
using ClusterActors.Cli.Commands;
using ClusterActors.Cli.LocalCluster;

namespace ClusterActors.Cli;

/// <summary>The <c>clusterctl</c> command tree.</summary>
public static class ClusterCtl
{
    /// <summary>Builds the root command; output and errors go to the given writers, fallbacks come from the process environment.</summary>
    public static RootCommand Create(TextWriter output, TextWriter errors) =>
        Create(output, errors, Environment.GetEnvironmentVariable);

    /// <summary>Builds the root command with <paramref name="environment"/> as the source of environment variables (tests pass their own).</summary>
    public static RootCommand Create(TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        var root = new RootCommand("clusterctl — inspect and operate a ClusterActors cluster.")
        {
            ConfigCommands.Create(output, errors),
            LocalClusterCommand.Create(output, errors, environment),
        };
        foreach (var command in MembersCommands.Create(output, errors, environment))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(TransitionsCommands.Create(output, errors, environment));
        root.Subcommands.Add(DistressCommands.Create(output, errors, environment));

        return root;
    }
}
