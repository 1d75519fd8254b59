using Microsoft.Extensions.Configuration;

namespace ClusterActors.Hocon.Configuration;

/// <summary>An IConfigurationSource over a HOCON config produced on demand (a given config, or a file read at load time).</summary>
internal sealed class HoconConfigurationSource : IConfigurationSource
{
    public HoconConfigurationSource(Func<HoconConfig> load, HoconConfigurationOptions options)
    {
        Load = load;
        Options = options;
    }

    public Func<HoconConfig> Load { get; }

    public HoconConfigurationOptions Options { get; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
