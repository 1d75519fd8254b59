using System.CommandLine;
using ClusterActors.Cli.Commands;

namespace ClusterActors.Cli;

/// <summary>The <c>clusterctl</c> command tree.</summary>
public static class ClusterCtl
{
    /// <summary>Builds the root command; output and errors go to the given writers.</summary>
    public static RootCommand Create(TextWriter output, TextWriter errors) =>
        new("clusterctl — inspect and operate a ClusterActors cluster.")
        {
            ConfigCommands.Create(output, errors),
        };
}
