using ClusterActors.Hocon.Configuration;
using Microsoft.Extensions.Configuration;

namespace ClusterActors.Hocon;

/// <summary>
/// Adds HOCON to Microsoft.Extensions.Configuration: path a.b.c is key "a:b:c", list elements are
/// "a:0", "a:1", HOCON null is a null value; see <see cref="HoconConfigurationOptions"/> for durations.
/// </summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a config (resolved on load if it is not resolved yet).</summary>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, HoconConfig config, HoconConfigurationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(config);
        return builder.Add(new HoconConfigurationSource(() => config, options ?? new HoconConfigurationOptions()));
    }

    /// <summary>
    /// Adds a HOCON (or .json/.properties) file, read and resolved when the configuration is built.
    /// A relative path is taken from <see cref="HoconConfigurationOptions.BaseDirectory"/> or the current directory.
    /// </summary>
    /// <param name="builder">The builder to add to.</param>
    /// <param name="path">The file; relative paths are resolved when this is called.</param>
    /// <param name="optional">When true a missing file adds nothing instead of failing.</param>
    /// <param name="options">Duration and resolve options.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false, HoconConfigurationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new HoconConfigurationOptions();
        var fullPath = Path.GetFullPath(path, options.BaseDirectory ?? Directory.GetCurrentDirectory());
        return builder.Add(new HoconConfigurationSource(
            () => HoconConfig.ParseFile(fullPath, new HoconParseOptions { AllowMissing = optional }),
            options));
    }
}
