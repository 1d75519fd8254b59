using System.Reflection;
using System.Text;

namespace ClusterActors.Hocon.Layering;

/// <summary>The sources of a layered configuration, lowest first: reference ← file ← environment ← overrides.</summary>
/// <param name="ReferenceText">The reference configuration (every key with its default).</param>
/// <param name="ReferenceOrigin">How errors name the reference configuration (e.g. "reference.conf").</param>
/// <param name="FilePath">The user's configuration file, or null for none.</param>
/// <param name="RootPath">The path whose leaves may be overridden from the environment (e.g. "clusteractors").</param>
/// <param name="EnvironmentPrefix">The prefix of those environment variables (e.g. "CLUSTERACTORS_").</param>
/// <param name="Overrides">Command-line overrides, each a HOCON line such as <c>a.b.c = 1</c>.</param>
public sealed record HoconLayerSources(
    string ReferenceText,
    string ReferenceOrigin,
    string? FilePath,
    string RootPath,
    string EnvironmentPrefix,
    IReadOnlyList<string> Overrides);

/// <summary>Loads a configuration the way every ClusterActors program does, each layer overriding the one before.</summary>
/// <remarks>
/// The environment layer is HOCON's own <c>${?VAR}</c> mechanism, generated for every leaf under the
/// root path whose variable is set, so an operator gets one predictable name per key
/// (<c>clusteractors.management.http.port</c> → <c>CLUSTERACTORS_MANAGEMENT_HTTP_PORT</c>) without
/// reference.conf repeating each key with a substitution.
/// </remarks>
public static class HoconLayers
{
    /// <summary>Parses, merges and resolves the layers; throws <see cref="HoconException"/> naming file, line and column.</summary>
    public static HoconConfig Load(HoconLayerSources sources, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        environment ??= Environment.GetEnvironmentVariable;

        var reference = HoconConfig.Parse(sources.ReferenceText, new HoconParseOptions { OriginName = sources.ReferenceOrigin });
        var merged = reference;
        if (sources.FilePath is not null)
        {
            merged = HoconConfig.ParseFile(sources.FilePath).WithFallback(merged);
        }

        var environmentLayer = EnvironmentLayer(reference.Resolve(), sources, environment);
        if (environmentLayer.Length > 0)
        {
            merged = HoconConfig.Parse(environmentLayer, new HoconParseOptions { OriginName = "environment" }).WithFallback(merged);
        }

        for (var i = 0; i < sources.Overrides.Count; i++)
        {
            var origin = $"command line override #{i + 1} ({sources.Overrides[i]})";
            merged = HoconConfig.Parse(sources.Overrides[i], new HoconParseOptions { OriginName = origin }).WithFallback(merged);
        }

        return merged.Resolve(new HoconResolveOptions { EnvironmentLookup = environment });
    }

    /// <summary>Reads a reference configuration embedded in an assembly (an EmbeddedResource with that logical name).</summary>
    public static string ReadEmbedded(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} embeds no resource named '{resourceName}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The environment variable that overrides a leaf path under the root path.</summary>
    public static string EnvironmentVariableFor(string leafPath, string rootPath, string prefix)
    {
        ArgumentNullException.ThrowIfNull(leafPath);
        var relative = leafPath.StartsWith(rootPath + ".", StringComparison.Ordinal) ? leafPath[(rootPath.Length + 1)..] : leafPath;
        var name = new StringBuilder(prefix);
        foreach (var c in relative)
        {
            name.Append(c is '.' or '-' ? '_' : char.ToUpperInvariant(c));
        }

        return name.ToString();
    }

    private static string EnvironmentLayer(HoconConfig reference, HoconLayerSources sources, Func<string, string?> environment)
    {
        if (!reference.HasPath(sources.RootPath))
        {
            return string.Empty;
        }

        var layer = new StringBuilder();
        foreach (var (relativePath, _) in reference.GetConfig(sources.RootPath).Leaves())
        {
            var path = sources.RootPath + "." + relativePath;
            var variable = EnvironmentVariableFor(path, sources.RootPath, sources.EnvironmentPrefix);
            if (environment(variable) is not null)
            {
                layer.Append(path).Append(" = ${?").Append(variable).Append("}\n");
            }
        }

        return layer.ToString();
    }
}
