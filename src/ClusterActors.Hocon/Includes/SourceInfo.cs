namespace ClusterActors.Hocon.Includes;

/// <summary>Where parsed text came from: its name for messages, its file (if any) and the directory its includes are relative to.</summary>
internal sealed record SourceInfo(string OriginName, string? FilePath, string? BaseDirectory)
{
    public static SourceInfo ForFile(string fullPath) => new(fullPath, fullPath, Path.GetDirectoryName(fullPath));

    /// <summary>The directory relative includes are looked up in.</summary>
    public string IncludeDirectory => BaseDirectory ?? Directory.GetCurrentDirectory();
}
