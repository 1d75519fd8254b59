using System.Collections.ObjectModel;
using ClusterActors.Hocon.Includes;
using ClusterActors.Hocon.Merging;
using ClusterActors.Hocon.Resolution;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon;

/// <summary>
/// An immutable HOCON configuration tree: parse text or files, layer configs with
/// <see cref="WithFallback"/>, <see cref="Resolve"/> substitutions, then read typed values by path.
/// </summary>
public sealed partial class HoconConfig
{
    private ReadOnlyCollection<string>? _keys;

    internal HoconConfig(HoconObject root) => Root = root;

    internal HoconObject Root { get; }

    /// <summary>A config with no keys.</summary>
    public static HoconConfig Empty { get; } = new(new HoconObject(HoconOrigin.StartOf("empty config")));

    /// <summary>True when no substitution is left (a config parsed without substitutions is already resolved).</summary>
    public bool IsResolved => Root.IsResolved;

    /// <summary>The top-level keys, in first-definition order.</summary>
    public IEnumerable<string> Keys => _keys ??= new ReadOnlyCollection<string>([.. Root.Keys]);

    /// <summary>
    /// Parses HOCON text (or JSON/properties with <see cref="HoconParseOptions.Syntax"/>). Substitutions are
    /// not resolved yet: call <see cref="Resolve"/>. Includes are relative to <see cref="HoconParseOptions.BaseDirectory"/>.
    /// </summary>
    /// <exception cref="HoconParseException">The text is not valid, or an include failed.</exception>
    public static HoconConfig Parse(string text, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new HoconParseOptions();
        var source = new SourceInfo(options.OriginName ?? "string", null, options.BaseDirectory);
        return new HoconConfig(new IncludeLoader().ParseText(text, options.Syntax ?? HoconSyntax.Conf, source));
    }

    /// <summary>
    /// Parses a file; its syntax comes from the extension (.json strict JSON, .properties Java properties,
    /// anything else HOCON). A path without a known extension that does not exist loads and merges the
    /// .properties, .json and .conf variants that do (later wins). Not resolved yet: call <see cref="Resolve"/>.
    /// </summary>
    /// <exception cref="HoconParseException">The file is missing (unless <see cref="HoconParseOptions.AllowMissing"/>), unreadable or invalid.</exception>
    public static HoconConfig ParseFile(string path, HoconParseOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new HoconParseOptions();
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new HoconParseException($"invalid configuration file name '{path}': {e.Message}", HoconOrigin.StartOf(path), e);
        }

        var candidates = IncludeLoader.FindCandidates(fullPath, options.Syntax);
        if (candidates.Count == 0)
        {
            return options.AllowMissing
                ? Empty
                : throw new HoconParseException($"configuration file not found: looked for {IncludeLoader.DescribeCandidates(fullPath)}", HoconOrigin.StartOf(fullPath));
        }

        return new HoconConfig(new IncludeLoader().LoadAll(candidates, requestedAt: null)!);
    }

    /// <summary>
    /// Returns this config layered over <paramref name="fallback"/>: objects merge key by key, and for
    /// any other clash this config's value wins. Substitutions stay unresolved, so resolving the result
    /// lets this config's substitutions see the fallback's values.
    /// </summary>
    public HoconConfig WithFallback(HoconConfig fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (fallback.Root.Count == 0)
        {
            return this;
        }

        return Root.Count == 0 ? fallback : new HoconConfig(ValueMerger.MergeObjects(fallback.Root, Root, inPlace: false));
    }

    /// <summary>
    /// Resolves every substitution against this config's root (forward references, self-references,
    /// environment fallback) and returns the resolved config.
    /// </summary>
    /// <exception cref="HoconResolveException">A substitution is missing (and not optional) or part of a cycle, or a concatenation mixes types.</exception>
    public HoconConfig Resolve(HoconResolveOptions? options = null)
    {
        if (IsResolved)
        {
            return this;
        }

        return new HoconConfig(Resolver.Resolve(Root, options ?? new HoconResolveOptions()));
    }
}
