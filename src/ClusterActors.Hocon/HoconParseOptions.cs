namespace ClusterActors.Hocon;

/// <summary>How a string or file is parsed.</summary>
public sealed record HoconParseOptions
{
    /// <summary>Name used as the "file" in error messages for <see cref="HoconConfig.Parse"/>; default "string".</summary>
    public string? OriginName { get; init; }

    /// <summary>
    /// Directory that includes in a string source are relative to; default: the current directory.
    /// Includes in a file are always relative to that file's directory.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Forces a syntax; default: HOCON for strings, by extension (.json, .properties, else HOCON) for files.</summary>
    public HoconSyntax? Syntax { get; init; }

    /// <summary>When true, <see cref="HoconConfig.ParseFile"/> returns an empty config for a missing file instead of throwing.</summary>
    public bool AllowMissing { get; init; }
}
