namespace ClusterActors.Cli.LocalCluster;

/// <summary>One line a node process printed.</summary>
/// <param name="Node">The name the process was started under (node-1 …).</param>
/// <param name="Text">The line, without its line break.</param>
/// <param name="FromStandardError">True when the process wrote it to stderr.</param>
public sealed record NodeOutputLine(string Node, string Text, bool FromStandardError);
