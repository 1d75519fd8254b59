namespace ClusterActors.Cli.LocalCluster;

/// <summary>How a node process ended.</summary>
/// <param name="Node">The name the process was started under.</param>
/// <param name="ExitCode">Its exit code (137 and the like after a kill).</param>
/// <param name="Killed">True when it did not stop in time after SIGTERM and was killed.</param>
public sealed record NodeExit(string Node, int ExitCode, bool Killed);
