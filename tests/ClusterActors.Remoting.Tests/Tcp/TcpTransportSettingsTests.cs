using System.Net;
using System.Net.Sockets;
using Xunit;

namespace ClusterActors.Remoting.Tests.Tcp;

public sealed class TcpTransportSettingsTests
{
    [Fact]
    public async Task A_non_loopback_host_without_a_secret_is_refused_naming_cluster_secret_before_anything_is_bound()
    {
        var port = FreePort();
        var settings = TcpTestNode.Settings("a") with { Hostname = "0.0.0.0", Port = port, Secret = ClusterSecret.None };
        await using var transport = new TcpTransport(settings);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => transport.BindAsync());

        Assert.Contains("cluster.secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => transport.LocalIdentity);
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Any, port));
    }

    [Fact]
    public async Task The_same_non_loopback_host_binds_once_a_secret_is_set()
    {
        var settings = TcpTestNode.Settings("a") with { Hostname = "0.0.0.0" };
        await using var transport = new TcpTransport(settings);

        var address = await transport.BindAsync();

        Assert.Equal("0.0.0.0", address.Host);
        Assert.NotEqual(0, address.Port);
        transport.Abort();
    }

    [Fact]
    public async Task Nodes_on_loopback_without_a_secret_are_allowed_and_talk()
    {
        await using var a = await TcpTestNode.CreateAsync("a", s => s with { Secret = ClusterSecret.None });
        await using var b = await TcpTestNode.CreateAsync("b", s => s with { Secret = ClusterSecret.None });

        Assert.True(a.Transport.Send(a.To(b, 1)));

        b.WaitFor(1);
        Assert.Equal(a.Identity, b.Events.Messages.Single().Peer);
    }

    [Fact]
    public async Task The_bound_address_carries_the_system_host_and_the_port_the_system_chose()
    {
        await using var a = await TcpTestNode.CreateAsync("a");

        Assert.Equal(RemoteAddress.Create("cluster", "127.0.0.1", a.Address.Port!.Value), a.Address);
        Assert.InRange(a.Address.Port!.Value, 1, 65535);
        Assert.Equal(WireProtocol.SupportedVersions, a.Identity.SupportedVersions);
        Assert.Equal("a", a.Identity.NodeId);
    }

    [Theory]
    [InlineData("Incarnation")]
    [InlineData("Port")]
    [InlineData("SystemName")]
    [InlineData("Hostname")]
    [InlineData("NodeId")]
    [InlineData("SoftwareVersion")]
    [InlineData("MaxFrameSize")]
    [InlineData("OutboundQueueCapacity")]
    [InlineData("HandshakeTimeout")]
    [InlineData("ConnectTimeout")]
    [InlineData("ReconnectBackoffMax")]
    public void A_bad_setting_is_refused_naming_the_setting(string setting)
    {
        var good = TcpTestNode.Settings("a");
        var bad = setting switch
        {
            "Incarnation" => good with { Incarnation = 0 },
            "Port" => good with { Port = 70_000 },
            "SystemName" => good with { SystemName = "no spaces allowed" },
            "Hostname" => good with { Hostname = "bad_host!" },
            "NodeId" => good with { NodeId = "" },
            "SoftwareVersion" => good with { SoftwareVersion = "1 0" },
            "MaxFrameSize" => good with { MaxFrameSize = 10 },
            "OutboundQueueCapacity" => good with { OutboundQueueCapacity = 0 },
            "HandshakeTimeout" => good with { HandshakeTimeout = TimeSpan.Zero },
            "ConnectTimeout" => good with { ConnectTimeout = TimeSpan.FromSeconds(-1) },
            "ReconnectBackoffMax" => good with { ReconnectBackoffMin = TimeSpan.FromSeconds(2), ReconnectBackoffMax = TimeSpan.FromSeconds(1) },
            _ => throw new ArgumentOutOfRangeException(nameof(setting)),
        };

        var error = Assert.Throws<ArgumentException>(() => new TcpTransport(bad));

        Assert.Equal(setting, error.ParamName);
        Assert.Contains($"TcpTransportSettings.{setting}", error.Message, StringComparison.Ordinal);
        Assert.NotNull(new TcpTransport(good));
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Any, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
