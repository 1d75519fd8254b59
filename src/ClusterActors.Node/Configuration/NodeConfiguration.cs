using ClusterActors.Hocon;
using ClusterActors.Hocon.Layering;

namespace ClusterActors.Node.Configuration;

/// <summary>Loads a node's configuration: reference.conf ← the node file ← environment ← command line.</summary>
public static class NodeConfiguration
{
    /// <summary>The root of every key the runtime reads.</summary>
    public const string RootPath = "clusteractors";

    /// <summary>Prefix of the environment variables that override keys (<c>CLUSTERACTORS_MANAGEMENT_HTTP_PORT</c>).</summary>
    public const string EnvironmentPrefix = "CLUSTERACTORS_";

    private static readonly Lazy<string> ReferenceText =
        new(() => HoconLayers.ReadEmbedded(typeof(NodeConfiguration).Assembly, "reference.conf"));

    /// <summary>The reference configuration embedded in the node (the repository's hocon/reference.conf).</summary>
    public static string Reference => ReferenceText.Value;

    /// <summary>Parses and resolves every layer; throws <see cref="HoconException"/> naming file, line and column.</summary>
    public static HoconConfig Load(NodeLaunch launch, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var sources = new HoconLayerSources(Reference, "reference.conf", launch.ConfigFile, RootPath, EnvironmentPrefix, launch.Overrides);
        return HoconLayers.Load(sources, environment);
    }
}
