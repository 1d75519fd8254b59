using ClusterActors.Management.Cluster;

namespace ClusterActors.Node.Tests.Management;

/// <summary><see cref="ManagementToken"/>: exact match only, blank means none, and the secret never prints.</summary>
public sealed class ClusterMembersTokenTests
{
    [Fact]
    public void Only_the_exact_token_matches()
    {
        var token = new ManagementToken("s3cret");

        Assert.True(token.IsConfigured);
        Assert.True(token.Matches("s3cret"));
        Assert.False(token.Matches("s3cre"));
        Assert.False(token.Matches("s3cret "));
        Assert.False(token.Matches("S3CRET"));
        Assert.False(token.Matches(string.Empty));
        Assert.False(token.Matches(null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_token_is_none_and_matches_nothing(string? configured)
    {
        var token = new ManagementToken(configured);

        Assert.False(token.IsConfigured);
        Assert.False(token.Matches(configured ?? string.Empty));
        Assert.False(ManagementToken.None.Matches(string.Empty));
    }

    [Fact]
    public void The_token_never_appears_in_ToString()
    {
        Assert.DoesNotContain("s3cret", new ManagementToken("s3cret").ToString(), StringComparison.Ordinal);
    }
}
