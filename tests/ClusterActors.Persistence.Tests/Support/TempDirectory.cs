namespace ClusterActors.Persistence.Tests.Support;

/// <summary>A directory of its own for one test, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("clusteractors-persistence-").FullName;

    public string Path { get; }

    /// <summary>The full path of <paramref name="relative"/> inside the directory.</summary>
    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
