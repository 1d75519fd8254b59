using ClusterActors.Hocon.Merging;
using ClusterActors.Hocon.Parsing;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Includes;

/// <summary>
/// Loads sources by syntax and carries out include statements: finds the file(s) relative to the
/// including file, merges the .properties/.json/.conf variants of an extension-less name, and stops
/// include cycles.
/// </summary>
internal sealed class IncludeLoader
{
    private const int MaxIncludeDepth = 50;

    private readonly List<string> _activeFiles = [];

    /// <summary>Parses text of the given syntax; includes inside it are relative to the source's directory.</summary>
    public HoconObject ParseText(string text, HoconSyntax syntax, SourceInfo source) => syntax switch
    {
        HoconSyntax.Json => JsonReader.ReadDocument(text, source.OriginName),
        HoconSyntax.Properties => PropertiesReader.Read(text, source.OriginName),
        _ => HoconParser.Parse(text, source, this),
    };

    /// <summary>The existing files a name stands for, with their syntax, in merge order (later wins).</summary>
    public static List<(string Path, HoconSyntax Syntax)> FindCandidates(string fullPath, HoconSyntax? forcedSyntax)
    {
        var found = new List<(string, HoconSyntax)>();
        var known = SyntaxOfExtension(fullPath);
        if (known is not null || forcedSyntax is not null)
        {
            if (File.Exists(fullPath))
            {
                found.Add((fullPath, forcedSyntax ?? known!.Value));
            }

            return found;
        }

        foreach (var (extension, syntax) in new[] { (".properties", HoconSyntax.Properties), (".json", HoconSyntax.Json), (".conf", HoconSyntax.Conf) })
        {
            if (File.Exists(fullPath + extension))
            {
                found.Add((fullPath + extension, syntax));
            }
        }

        if (found.Count == 0 && File.Exists(fullPath))
        {
            found.Add((fullPath, HoconSyntax.Conf));
        }

        return found;
    }

    public static string DescribeCandidates(string fullPath) =>
        SyntaxOfExtension(fullPath) is not null
            ? fullPath
            : $"{fullPath}.properties, {fullPath}.json, {fullPath}.conf or {fullPath}";

    private static HoconSyntax? SyntaxOfExtension(string path)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".conf", StringComparison.OrdinalIgnoreCase))
        {
            return HoconSyntax.Conf;
        }

        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return HoconSyntax.Json;
        }

        return extension.Equals(".properties", StringComparison.OrdinalIgnoreCase) ? HoconSyntax.Properties : null;
    }

    /// <summary>Loads and merges the candidates in order; null when there are none.</summary>
    public HoconObject? LoadAll(IEnumerable<(string Path, HoconSyntax Syntax)> candidates, HoconOrigin? requestedAt)
    {
        HoconObject? merged = null;
        foreach (var (path, syntax) in candidates)
        {
            var loaded = LoadFile(path, syntax, requestedAt);
            merged = merged is null ? loaded : ValueMerger.MergeObjects(merged, loaded, inPlace: true);
        }

        return merged;
    }

    /// <summary>Carries out an include; returns null when a non-required include finds nothing (the spec says to ignore it).</summary>
    public HoconObject? LoadInclude(IncludeDirective directive, SourceInfo includingSource)
    {
        switch (directive.Kind)
        {
            case IncludeKind.Url:
                throw new HoconParseException($"include {directive.Render()} is not supported: only files can be included (use file(\"…\"))", directive.Origin);
            case IncludeKind.Classpath:
                throw new HoconParseException($"include {directive.Render()} is not supported: .NET has no classpath; use file(\"…\") or a path relative to the including file", directive.Origin);
        }

        string target;
        try
        {
            target = Path.GetFullPath(Path.Combine(includingSource.IncludeDirectory, directive.Name));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new HoconParseException($"include {directive.Render()}: invalid file name ({e.Message})", directive.Origin, e);
        }

        var candidates = FindCandidates(target, forcedSyntax: null);
        if (candidates.Count == 0)
        {
            if (directive.Required)
            {
                throw new HoconParseException($"required include {directive.Render()} not found: looked for {DescribeCandidates(target)}", directive.Origin);
            }

            return null;
        }

        return LoadAll(candidates, directive.Origin);
    }

    private HoconObject LoadFile(string fullPath, HoconSyntax syntax, HoconOrigin? requestedAt)
    {
        var at = requestedAt ?? HoconOrigin.StartOf(fullPath);
        if (_activeFiles.Contains(fullPath, StringComparer.Ordinal))
        {
            var cycle = string.Join(" -> ", _activeFiles.SkipWhile(f => !string.Equals(f, fullPath, StringComparison.Ordinal)).Append(fullPath));
            throw new HoconParseException($"include cycle: {cycle}", at);
        }

        if (_activeFiles.Count >= MaxIncludeDepth)
        {
            throw new HoconParseException($"includes are nested more than {MaxIncludeDepth} levels deep", at);
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconParseException($"cannot read '{fullPath}': {e.Message}", at, e);
        }

        _activeFiles.Add(fullPath);
        try
        {
            return ParseText(text, syntax, SourceInfo.ForFile(fullPath));
        }
        finally
        {
            _activeFiles.RemoveAt(_activeFiles.Count - 1);
        }
    }
}
