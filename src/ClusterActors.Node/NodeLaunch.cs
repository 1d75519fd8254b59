namespace ClusterActors.Node;

/// <summary>What the command line asked for: a configuration file and overrides.</summary>
/// <param name="ConfigFile">Full path of the node's HOCON file, or null to run on reference.conf alone.</param>
/// <param name="Overrides">HOCON lines from <c>--set</c>, applied last in the order given.</param>
public sealed record NodeLaunch(string? ConfigFile, IReadOnlyList<string> Overrides);
