namespace ClusterActors.Hocon;

/// <summary>A configuration value that parses but is not acceptable (out of range, unknown name); the message starts with its key.</summary>
public sealed class ConfigurationValueException : Exception
{
    /// <summary>Creates the error for the key at <paramref name="path"/>.</summary>
    public ConfigurationValueException(string path, string reason)
        : base($"{path}: {reason}")
    {
        Path = path;
    }

    /// <summary>The configuration key that holds the bad value.</summary>
    public string Path { get; }
}
