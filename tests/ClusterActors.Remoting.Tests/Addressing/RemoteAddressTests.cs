using ClusterActors.Actors;
using Xunit;

namespace ClusterActors.Remoting.Tests.Addressing;

public sealed class RemoteAddressTests
{
    [Theory]
    [InlineData("ca.tcp://sys@10.0.0.1:2552", "sys", "10.0.0.1", 2552)]
    [InlineData("ca.tcp://my-system_2@node-1.cluster.local:65535", "my-system_2", "node-1.cluster.local", 65535)]
    [InlineData("ca.tcp://sys@[::1]:1", "sys", "[::1]", 1)]
    [InlineData("ca.tcp://sys@[2001:db8::7]:2552", "sys", "[2001:db8::7]", 2552)]
    public void A_remote_address_parses_into_its_parts_and_formats_back_to_the_same_text(string text, string system, string host, int port)
    {
        var address = RemoteAddress.Parse(text);

        Assert.Equal(new Address("ca.tcp", system, host, port), address);
        Assert.Equal(text, RemoteAddress.Format(address));
        Assert.Equal(address, RemoteAddress.Parse(RemoteAddress.Format(address)));
    }

    [Fact]
    public void Host_names_are_kept_in_lower_case_so_one_peer_never_looks_like_two()
    {
        Assert.Equal(RemoteAddress.Parse("ca.tcp://sys@node-1:2552"), RemoteAddress.Parse("ca.tcp://sys@NODE-1:2552"));
        Assert.Equal("[2001:db8::7]", RemoteAddress.Parse("ca.tcp://sys@[2001:DB8:0::7]:2552").Host);
    }

    [Theory]
    [InlineData("sys@host:2552", RemoteAddressPart.Protocol, "missing")]
    [InlineData("ca://sys@host:2552", RemoteAddressPart.Protocol, "'ca'")]
    [InlineData("akka.tcp://sys@host:2552", RemoteAddressPart.Protocol, "'akka.tcp'")]
    [InlineData("ca.tcp://sys", RemoteAddressPart.Host, "missing")]
    [InlineData("ca.tcp://@host:2552", RemoteAddressPart.System, "empty")]
    [InlineData("ca.tcp://my sys@host:2552", RemoteAddressPart.System, "'my sys'")]
    [InlineData("ca.tcp://-sys@host:2552", RemoteAddressPart.System, "'-sys'")]
    [InlineData("ca.tcp://sys@:2552", RemoteAddressPart.Host, "empty")]
    [InlineData("ca.tcp://sys@bad_host:2552", RemoteAddressPart.Host, "'bad_host'")]
    [InlineData("ca.tcp://sys@-host:2552", RemoteAddressPart.Host, "'-host'")]
    [InlineData("ca.tcp://sys@a..b:2552", RemoteAddressPart.Host, "label ''")]
    [InlineData("ca.tcp://sys@256.0.0.1:2552", RemoteAddressPart.Host, "'256.0.0.1'")]
    [InlineData("ca.tcp://sys@10.0.1:2552", RemoteAddressPart.Host, "'10.0.1'")]
    [InlineData("ca.tcp://sys@::1:2552", RemoteAddressPart.Host, "brackets")]
    [InlineData("ca.tcp://sys@[::1:2552", RemoteAddressPart.Host, "']'")]
    [InlineData("ca.tcp://sys@[nonsense]:2552", RemoteAddressPart.Host, "'[nonsense]'")]
    [InlineData("ca.tcp://sys@host", RemoteAddressPart.Port, "missing")]
    [InlineData("ca.tcp://sys@host:", RemoteAddressPart.Port, "''")]
    [InlineData("ca.tcp://sys@host:0", RemoteAddressPart.Port, "0 is outside")]
    [InlineData("ca.tcp://sys@host:65536", RemoteAddressPart.Port, "65536 is outside")]
    [InlineData("ca.tcp://sys@host:+2552", RemoteAddressPart.Port, "'+2552'")]
    [InlineData("ca.tcp://sys@host:02552", RemoteAddressPart.Port, "'02552'")]
    [InlineData("ca.tcp://sys@host:port", RemoteAddressPart.Port, "'port'")]
    [InlineData("ca.tcp://sys@host:2552/user/a", RemoteAddressPart.Port, "'/user/a'")]
    public void Each_bad_part_is_refused_naming_the_text_and_the_part(string text, RemoteAddressPart part, string mentioned)
    {
        var error = Assert.Throws<RemoteAddressFormatException>(() => RemoteAddress.Parse(text));

        Assert.Equal(part, error.Part);
        Assert.Equal(text, error.Text);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
        Assert.False(RemoteAddress.TryParse(text, out _));
    }

    [Fact]
    public void Overlong_system_names_and_hosts_are_refused_so_an_address_always_fits_in_a_handshake()
    {
        var longSystem = new string('s', RemoteAddress.MaxSystemNameLength + 1);
        var longHost = string.Join('.', Enumerable.Repeat(new string('h', 60), 5));

        Assert.Contains("at most 128", Assert.Throws<RemoteAddressFormatException>(() => RemoteAddress.Parse($"ca.tcp://{longSystem}@host:1")).Message, StringComparison.Ordinal);
        Assert.Equal(RemoteAddressPart.Host, Assert.Throws<RemoteAddressFormatException>(() => RemoteAddress.Parse($"ca.tcp://sys@{longHost}:1")).Part);
        Assert.Equal(RemoteAddressPart.Host, Assert.Throws<RemoteAddressFormatException>(() => RemoteAddress.Parse($"ca.tcp://sys@{new string('h', 64)}:1")).Part);
        RemoteAddress.Parse($"ca.tcp://{new string('s', RemoteAddress.MaxSystemNameLength)}@{new string('h', 63)}:1");
    }

    [Fact]
    public void Create_validates_like_parse_and_brackets_an_ipv6_host()
    {
        Assert.Equal(RemoteAddress.Parse("ca.tcp://sys@[::1]:2552"), RemoteAddress.Create("sys", "::1", 2552));
        Assert.Equal(RemoteAddress.Parse("ca.tcp://sys@host:2552"), RemoteAddress.Create("sys", "HOST", 2552));
        Assert.Equal(RemoteAddressPart.System, Assert.Throws<RemoteAddressFormatException>(() => RemoteAddress.Create("a b", "host", 1)).Part);
        Assert.Equal(RemoteAddressPart.Host, Assert.Throws<RemoteAddressFormatException>(() => RemoteAddress.Create("sys", "a/b", 1)).Part);
        Assert.Equal(RemoteAddressPart.Port, Assert.Throws<RemoteAddressFormatException>(() => RemoteAddress.Create("sys", "host", 0)).Part);
    }

    [Fact]
    public void Validate_refuses_local_portless_and_non_canonical_addresses()
    {
        Assert.Equal(RemoteAddressPart.Protocol, Assert.Throws<RemoteAddressFormatException>(() => RemoteAddress.Validate(new Address("ca", "sys"))).Part);
        Assert.Equal(RemoteAddressPart.Port, Assert.Throws<RemoteAddressFormatException>(() => RemoteAddress.Validate(new Address("ca.tcp", "sys", "host"))).Part);
        Assert.Contains("canonical", Assert.Throws<RemoteAddressFormatException>(() => RemoteAddress.Validate(new Address("ca.tcp", "sys", "HOST", 1))).Message, StringComparison.Ordinal);
        Assert.False(RemoteAddress.IsValid(new Address("ca.tcp", "sys", "HOST", 1)));
        Assert.True(RemoteAddress.IsValid(new Address("ca.tcp", "sys", "host", 1)));
    }

    [Fact]
    public void The_socket_host_of_an_ipv6_address_has_no_brackets()
    {
        Assert.Equal("::1", RemoteAddress.SocketHost(RemoteAddress.Parse("ca.tcp://sys@[::1]:2552")));
        Assert.Equal("host", RemoteAddress.SocketHost(RemoteAddress.Parse("ca.tcp://sys@host:2552")));
    }

    [Fact]
    public void An_actor_path_on_a_remote_address_round_trips_through_the_kernel_path_parser()
    {
        var address = RemoteAddress.Parse("ca.tcp://sys@[::1]:2552");
        var path = ActorPath.Root(address).Child("user").Child("worker").WithUid(7);

        var parsed = ActorPath.Parse(path.ToSerializationFormat());

        Assert.Equal("ca.tcp://sys@[::1]:2552/user/worker#7", path.ToSerializationFormat());
        Assert.Equal(path, parsed);
        Assert.Equal(address, parsed.Address);
    }
}
