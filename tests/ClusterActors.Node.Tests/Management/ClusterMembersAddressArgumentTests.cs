using ClusterActors.Actors;
using ClusterActors.Management.Cluster;

namespace ClusterActors.Node.Tests.Management;

/// <summary><see cref="ClusterAddressArgument"/>: the two forms an operator may write, and the errors for everything else.</summary>
public sealed class ClusterMembersAddressArgumentTests
{
    [Theory]
    [InlineData("ca.tcp://sys@127.0.0.1:2552")]
    [InlineData("sys@127.0.0.1:2552")]
    public void Full_and_short_forms_parse_to_the_same_address(string text)
    {
        Assert.True(ClusterAddressArgument.TryParse(text, out var address));
        Assert.Equal(new Address("ca.tcp", "sys", "127.0.0.1", 2552), address);
    }

    [Fact]
    public void Host_names_are_lower_cased_so_they_match_the_members_address()
    {
        Assert.True(ClusterAddressArgument.TryParse("sys@Node-A.Example:2552", out var address));
        Assert.Equal("node-a.example", address.Host);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("sys", "host")]
    [InlineData("sys@127.0.0.1", "port")]
    [InlineData("@127.0.0.1:2552", "system name")]
    [InlineData("ca://sys@127.0.0.1:2552", "protocol")]
    [InlineData("ca.tcp://sys@127.0.0.1:2552/user/a", "port")]
    public void Bad_input_gives_an_error_naming_it_the_bad_part_and_the_expected_forms(string text, string part)
    {
        Assert.False(ClusterAddressArgument.TryParse(text, out _, out var error));
        Assert.Contains(part, error, StringComparison.Ordinal);
        Assert.Contains(ClusterAddressArgument.ExpectedForms, error, StringComparison.Ordinal);
        if (text.Length > 0)
        {
            Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Null_is_no_address()
    {
        Assert.False(ClusterAddressArgument.TryParse(null, out var address));
        Assert.Null(address);
    }
}
