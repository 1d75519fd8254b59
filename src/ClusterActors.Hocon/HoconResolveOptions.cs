namespace ClusterActors.Hocon;

/// <summary>How substitutions are resolved.</summary>
public sealed record HoconResolveOptions
{
    /// <summary>
    /// Looks up an environment variable for a substitution whose path is not in the config (the name is
    /// the path's keys joined with '.'). Default: <see cref="Environment.GetEnvironmentVariable(string)"/>.
    /// A null lookup, or one that returns null, finds nothing.
    /// </summary>
    public Func<string, string?>? EnvironmentLookup { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Set false to never consult <see cref="EnvironmentLookup"/>.</summary>
    public bool UseEnvironment { get; init; } = true;

    /// <summary>
    /// When true, substitutions that cannot be found are left in place (the result reports
    /// <see cref="HoconConfig.IsResolved"/> false) instead of throwing. Cycles still throw.
    /// </summary>
    public bool AllowUnresolved { get; init; }

    /// <summary>Options that never read the process environment.</summary>
    public static HoconResolveOptions WithoutEnvironment { get; } = new() { UseEnvironment = false };
}
