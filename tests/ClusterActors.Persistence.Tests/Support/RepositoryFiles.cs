namespace ClusterActors.Persistence.Tests.Support;

/// <summary>Finds files of the repository from the test's output directory.</summary>
public static class RepositoryFiles
{
    /// <summary>The full path of a file given relative to the repository root; throws naming where it looked.</summary>
    public static string Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ClusterActors.sln")))
            {
                var file = System.IO.Path.Combine(dir.FullName, relativePath);
                return File.Exists(file) ? file : throw new FileNotFoundException($"{relativePath} is not in the repository at {dir.FullName}", file);
            }
        }

        throw new DirectoryNotFoundException($"No ClusterActors.sln above {AppContext.BaseDirectory}");
    }
}
