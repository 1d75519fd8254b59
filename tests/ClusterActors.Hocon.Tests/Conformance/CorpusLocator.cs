namespace ClusterActors.Hocon.Tests.Conformance;

/// <summary>
/// Finds lightbend's equivalence corpus: the CLUSTERACTORS_HOCON_CORPUS environment variable, else
/// the first directory up from the test assembly that contains shared/conformance/hocon.
/// </summary>
internal static class CorpusLocator
{
    public const string EnvironmentVariable = "CLUSTERACTORS_HOCON_CORPUS";
    private const string RelativeCorpus = "shared/conformance/hocon";

    public static string? Find(out string searched)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            searched = $"{EnvironmentVariable}={configured}";
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var tried = new List<string>();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativeCorpus);
            tried.Add(candidate);
            if (Directory.Exists(candidate))
            {
                searched = candidate;
                return candidate;
            }
        }

        searched = string.Join(", ", tried);
        return null;
    }

    /// <summary>Every .conf/.json directly inside each equiv* folder, as "equivNN/file".</summary>
    public static IEnumerable<string> Files(string corpus) =>
        Directory.GetDirectories(corpus, "equiv*")
            .OrderBy(d => d, StringComparer.Ordinal)
            .SelectMany(dir => Directory.GetFiles(dir)
                .Where(f => f.EndsWith(".conf", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => Path.GetRelativePath(corpus, f).Replace('\\', '/')));
}
