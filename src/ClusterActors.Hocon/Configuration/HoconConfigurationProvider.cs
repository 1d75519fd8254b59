using Microsoft.Extensions.Configuration;

namespace ClusterActors.Hocon.Configuration;

/// <summary>Loads a HOCON config, resolves it if needed, and exposes its flattened keys.</summary>
internal sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly HoconConfigurationSource _source;

    public HoconConfigurationProvider(HoconConfigurationSource source) => _source = source;

    public override void Load()
    {
        var config = _source.Load();
        var resolved = config.Resolve(_source.Options.ResolveOptions);
        Data = ConfigurationFlattener.Flatten(resolved.Root, _source.Options);
    }
}
