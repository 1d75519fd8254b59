using ClusterActors.Hocon;
using ClusterActors.Hocon.Layering;

namespace ClusterActors.Node.Configuration;

/// <summary>Loads a node's configuration: reference.conf ← the node file ← environment ← command line.</summary>
public static class NodeConfiguration
{
    /// <summary>Parses and resolves every layer; throws <see cref="HoconException"/> naming file, line and column.</summary>
    public static HoconConfig Load(NodeLaunch launch, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(launch);
        return RuntimeConfiguration.Load(launch.ConfigFile, launch.Overrides, environment);
    }
}
