namespace ClusterActors.Node.Configuration;

/// <summary>A configuration value that parses but is not acceptable (out of range, unknown name).</summary>
public sealed class NodeConfigurationException : Exception
{
    /// <summary>Creates the error for the key at <paramref name="path"/>.</summary>
    public NodeConfigurationException(string path, string reason)
        : base($"{path}: {reason}")
    {
        Path = path;
    }

    /// <summary>The configuration key that holds the bad value.</summary>
    public string Path { get; }
}
