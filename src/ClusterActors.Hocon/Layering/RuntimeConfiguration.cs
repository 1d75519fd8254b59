namespace ClusterActors.Hocon.Layering;

/// <summary>How every ClusterActors program loads its configuration: the runtime's reference.conf, a file, the environment, overrides.</summary>
/// <remarks>
/// The repository's <c>hocon/reference.conf</c> is embedded here, once, so that the node, clusterctl
/// and later the cluster layers read the same defaults and the same environment names.
/// </remarks>
public static class RuntimeConfiguration
{
    /// <summary>The root of every key the runtime reads.</summary>
    public const string RootPath = "clusteractors";

    /// <summary>Prefix of the environment variables that override keys (<c>CLUSTERACTORS_MANAGEMENT_HTTP_PORT</c>).</summary>
    public const string EnvironmentPrefix = "CLUSTERACTORS_";

    private static readonly Lazy<string> ReferenceText =
        new(() => HoconLayers.ReadEmbedded(typeof(RuntimeConfiguration).Assembly, "reference.conf"));

    /// <summary>The text of the runtime's reference.conf.</summary>
    public static string Reference => ReferenceText.Value;

    /// <summary>Loads reference.conf ← <paramref name="file"/> ← environment ← <paramref name="overrides"/>, resolved.</summary>
    public static HoconConfig Load(string? file, IReadOnlyList<string> overrides, Func<string, string?>? environment = null) =>
        HoconLayers.Load(new HoconLayerSources(Reference, "reference.conf", file, RootPath, EnvironmentPrefix, overrides), environment);

    /// <summary>Loads <paramref name="file"/> ← environment ← <paramref name="overrides"/> without the reference: what the file itself says.</summary>
    public static HoconConfig LoadWithoutReference(string file, IReadOnlyList<string> overrides, Func<string, string?>? environment = null) =>
        HoconLayers.Load(new HoconLayerSources(string.Empty, "reference.conf", file, RootPath, EnvironmentPrefix, overrides), environment);
}
