using Xunit;

namespace ClusterActors.Remoting.Tests.InMemory;

public sealed class InMemoryLifecycleTests
{
    [Fact]
    public async Task Bind_completes_at_once_with_the_address_a_tcp_node_would_have()
    {
        var net = new SimulatedNetwork();
        var transport = net.Network.CreateTransport(SimulatedNetwork.Settings("Node1"));

        var bound = transport.BindAsync();

        Assert.True(bound.IsCompletedSuccessfully);
        var address = await bound;
        Assert.Equal("ca.tcp://cluster@node1:2552", address.ToString());
        Assert.Equal(1, net.Network.IncarnationAt(address));
        Assert.Equal(WireProtocol.SupportedVersions, transport.LocalIdentity.SupportedVersions);
    }

    [Fact]
    public async Task A_second_live_node_at_an_address_is_refused_until_the_first_stops_and_an_incarnation_never_runs_twice()
    {
        var net = new SimulatedNetwork();
        var first = net.Node("a", incarnation: 1);
        var second = net.Network.CreateTransport(SimulatedNetwork.Settings("a", incarnation: 2));

        var taken = await Assert.ThrowsAsync<InvalidOperationException>(() => second.BindAsync());
        Assert.Contains("ca.tcp://cluster@a:2552", taken.Message, StringComparison.Ordinal);
        Assert.Contains("incarnation 1", taken.Message, StringComparison.Ordinal);

        first.Transport.Abort();
        Assert.Null(net.Network.IncarnationAt(first.Address));
        await second.BindAsync();
        Assert.Equal(2, net.Network.IncarnationAt(first.Address));

        second.Abort();
        var reused = net.Network.CreateTransport(SimulatedNetwork.Settings("a", incarnation: 1));
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => reused.BindAsync());
        Assert.Contains("Incarnation 1 already ran", again.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Port", "a", 0, "a", 1L, "0.1.0", "cluster")]
    [InlineData("Port", "a", 65536, "a", 1L, "0.1.0", "cluster")]
    [InlineData("NodeId", "a", 2552, "", 1L, "0.1.0", "cluster")]
    [InlineData("Incarnation", "a", 2552, "a", 0L, "0.1.0", "cluster")]
    [InlineData("SoftwareVersion", "a", 2552, "a", 1L, "0 1", "cluster")]
    [InlineData("Host", "bad host", 2552, "a", 1L, "0.1.0", "cluster")]
    [InlineData("SystemName", "a", 2552, "a", 1L, "0.1.0", "bad system")]
    public void Bad_settings_are_refused_naming_the_setting(string setting, string host, int port, string nodeId, long incarnation, string version, string system)
    {
        var net = new SimulatedNetwork();
        var settings = new InMemoryTransportSettings
        {
            SystemName = system,
            Host = host,
            Port = port,
            NodeId = nodeId,
            Incarnation = incarnation,
            SoftwareVersion = version,
        };

        var error = Assert.Throws<ArgumentException>(() => net.Network.CreateTransport(settings));

        Assert.Equal("settings", error.ParamName);
        Assert.Contains($"InMemoryTransportSettings.{setting} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_needs_a_bind_and_happens_once()
    {
        var net = new SimulatedNetwork();
        var transport = net.Network.CreateTransport(SimulatedNetwork.Settings("a"));
        var events = new TimelineEvents(net.Clock);

        Assert.Contains("BindAsync", Assert.Throws<InvalidOperationException>(() => transport.Start(events)).Message, StringComparison.Ordinal);
        await transport.BindAsync();
        Assert.Contains("already bound", (await Assert.ThrowsAsync<InvalidOperationException>(() => transport.BindAsync())).Message, StringComparison.Ordinal);
        transport.Start(events);
        Assert.Contains("already started", Assert.Throws<InvalidOperationException>(() => transport.Start(events)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_is_idempotent_and_a_stopped_transport_refuses_sends_with_a_count()
    {
        var net = new SimulatedNetwork();
        var a = net.Node("a");
        var b = net.Node("b");

        a.Transport.Abort();
        a.Transport.Abort();
        await a.Transport.ShutdownAsync();
        await a.Transport.DisposeAsync();

        Assert.False(a.Send(b, "late"));
        Assert.Equal(1, a.Counters.DroppedOutbound);
        await Assert.ThrowsAsync<InvalidOperationException>(() => a.Transport.BindAsync());
        Assert.Throws<InvalidOperationException>(() => a.Start());
        net.AdvanceMs(10);
        Assert.Empty(b.Events.Entries);
    }
}
