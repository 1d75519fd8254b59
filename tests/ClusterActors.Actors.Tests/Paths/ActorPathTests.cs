using Xunit;

namespace ClusterActors.Actors.Tests.Paths;

public sealed class ActorPathTests
{
    private static readonly Address Local = new("ca", "sys");

    [Fact]
    public void A_path_prints_as_a_uri_and_knows_its_parts()
    {
        var path = ActorPath.Root(Local).Child("user").Child("a").Child("b");

        Assert.Equal("ca://sys/user/a/b", path.ToString());
        Assert.Equal("b", path.Name);
        Assert.Equal(["user", "a", "b"], path.Elements);
        Assert.Equal("ca://sys/user/a", path.Parent!.ToString());
        Assert.Equal("/user/a/b", path.ToStringWithoutAddress());
    }

    [Fact]
    public void Equality_compares_address_and_elements_but_not_the_uid()
    {
        var a = ActorPath.Root(Local).Child("user").Child("a");
        var same = ActorPath.Root(Local).Child("user").Child("a").WithUid(7);
        var otherSystem = ActorPath.Root(new Address("ca", "other")).Child("user").Child("a");

        Assert.Equal(a, same);
        Assert.Equal(a.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(a, otherSystem);
        Assert.NotEqual(a, a.Parent);
    }

    [Fact]
    public void Parse_reads_what_ToSerializationFormat_writes_including_remote_addresses_and_uids()
    {
        var remote = new Address("ca.tcp", "sys", "10.0.0.1", 2552);
        var path = ActorPath.Root(remote).Child("user").Child("worker").WithUid(42);

        var text = path.ToSerializationFormat();
        var parsed = ActorPath.Parse(text);

        Assert.Equal("ca.tcp://sys@10.0.0.1:2552/user/worker#42", text);
        Assert.Equal(path, parsed);
        Assert.Equal(42, parsed.Uid);
        Assert.Equal(remote, parsed.Address);
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_input()
    {
        var noScheme = Assert.Throws<FormatException>(() => ActorPath.Parse("sys/user/a"));
        Assert.Contains("'sys/user/a'", noScheme.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Address.Parse("ca.tcp://sys@host:notaport"));
        Assert.Throws<InvalidActorNameException>(() => ActorPath.Root(Local).Child("a b"));
    }

    [Fact]
    public void Actor_system_names_are_validated()
    {
        var error = Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad name"));
        Assert.Contains("'bad name'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_settings_are_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ActorSystem.Create("x", new ActorSystemSettings { Throughput = 0 }));
        Assert.Contains("Throughput", error.Message, StringComparison.Ordinal);
        var phase = Assert.Throws<ArgumentException>(() => ActorSystem.Create("x", new ActorSystemSettings
        {
            ShutdownPhaseTimeouts = new Dictionary<string, TimeSpan> { ["no-such-phase"] = TimeSpan.FromSeconds(1) },
        }));
        Assert.Contains("no-such-phase", phase.Message, StringComparison.Ordinal);
    }
}
