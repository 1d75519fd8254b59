namespace ClusterActors.Node.Tests;

/// <summary>A directory of its own for one test, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("clusteractors-test-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes a file into the directory and returns its full path.</summary>
    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
