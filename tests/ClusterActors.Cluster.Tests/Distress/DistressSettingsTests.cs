using ClusterActors.Cluster.Distress;
using ClusterActors.Hocon;
using Xunit;

namespace ClusterActors.Cluster.Tests.Distress;

/// <summary>SPEC S4: the failure-kind table in HOCON picks the way; an unknown kind is sent synchronously.</summary>
public sealed class DistressSettingsTests
{
    private static DistressSettings Read(string text) => DistressSettings.Read(HoconConfig.Parse(text).Resolve());

    [Fact]
    public void S4_the_table_picks_the_way_and_an_unknown_kind_is_sync()
    {
        var settings = Read("""
            clusteractors.distress {
              failure-kinds { power-loss = async, hardware = sync, network-down = SYNC }
              write-timeout = 250ms
            }
            """);

        Assert.Equal(DistressWay.Async, settings.WayFor("power-loss"));
        Assert.Equal(DistressWay.Sync, settings.WayFor("hardware"));
        Assert.Equal(DistressWay.Sync, settings.WayFor("network-down"));
        Assert.Equal(DistressWay.Sync, settings.WayFor("meteor-strike"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.WriteTimeout);
    }

    [Fact]
    public void S4_the_default_table_is_the_seeds()
    {
        Assert.Equal(DistressWay.Async, DistressSettings.Default.WayFor("power-loss"));
        Assert.All(["hardware", "network-down", "unhandled-exception", "imminent-crash"], kind => Assert.Equal(DistressWay.Sync, DistressSettings.Default.WayFor(kind)));
    }

    [Fact]
    public void A_way_that_is_neither_async_nor_sync_is_refused_naming_its_key()
    {
        var error = Assert.Throws<ConfigurationValueException>(() => Read("""
            clusteractors.distress { failure-kinds { hardware = later }, write-timeout = 1s }
            """));

        Assert.Contains("clusteractors.distress.failure-kinds.hardware", error.Message, StringComparison.Ordinal);
        Assert.Contains("async, sync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_timeout_that_is_not_positive_is_refused_naming_its_key()
    {
        var error = Assert.Throws<ConfigurationValueException>(() => Read("""
            clusteractors.distress { failure-kinds { }, write-timeout = 0s }
            """));

        Assert.Contains("clusteractors.distress.write-timeout", error.Message, StringComparison.Ordinal);
    }
}
