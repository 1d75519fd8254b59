using System.Collections.Immutable;
using ClusterActors.Hocon;

namespace ClusterActors.Cluster.Distress;

/// <summary>
/// The distress signal's settings (<c>clusteractors.distress</c>): the failure-kind table that picks
/// the way for each kind (SPEC S4) and how long a synchronous write may block per member.
/// </summary>
/// <param name="Kinds">Failure kind → way. A kind that is not listed is sent synchronously.</param>
/// <param name="WriteTimeout">How long writing the frame to one member may block before that member is skipped.</param>
public sealed record DistressSettings(ImmutableDictionary<string, DistressWay> Kinds, TimeSpan WriteTimeout)
{
    private const string Prefix = "clusteractors.distress.";

    /// <summary>The seed's table: power loss on battery leaves time (async); a hardware fault, the network going down, an unhandled exception or an imminent crash do not (sync).</summary>
    public static DistressSettings Default { get; } = new(
        new Dictionary<string, DistressWay>(StringComparer.Ordinal)
        {
            ["power-loss"] = DistressWay.Async,
            ["hardware"] = DistressWay.Sync,
            ["network-down"] = DistressWay.Sync,
            ["unhandled-exception"] = DistressWay.Sync,
            ["imminent-crash"] = DistressWay.Sync,
        }.ToImmutableDictionary(StringComparer.Ordinal),
        TimeSpan.FromMilliseconds(500));

    /// <summary>The way for <paramref name="kind"/>: the table's, or synchronous for a kind it does not list (SPEC S4).</summary>
    public DistressWay WayFor(string kind) => Kinds.TryGetValue(kind, out var way) ? way : DistressWay.Sync;

    /// <summary>Reads <c>clusteractors.distress.*</c>; a bad value throws naming its key.</summary>
    /// <exception cref="ConfigurationValueException">A way is neither async nor sync, or the timeout is not positive.</exception>
    public static DistressSettings Read(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var table = config.GetConfig(Prefix + "failure-kinds");
        var kinds = ImmutableDictionary.CreateBuilder<string, DistressWay>(StringComparer.Ordinal);
        foreach (var kind in table.Keys)
        {
            var text = table.GetString(kind);
            kinds[kind] = text.ToUpperInvariant() switch
            {
                "ASYNC" => DistressWay.Async,
                "SYNC" => DistressWay.Sync,
                _ => throw new ConfigurationValueException(Prefix + "failure-kinds." + kind, $"'{text}' is not one of: async, sync"),
            };
        }

        var timeout = config.GetDuration(Prefix + "write-timeout");
        if (timeout <= TimeSpan.Zero)
        {
            throw new ConfigurationValueException(Prefix + "write-timeout", $"{timeout} must be positive");
        }

        return new DistressSettings(kinds.ToImmutable(), timeout);
    }
}
