using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class MergeTests
{
    [Fact]
    public void Duplicate_object_keys_merge_recursively()
    {
        var json = TestHocon.Json("a { x = 1, y { p = 1 } }\na { y { q = 2 }, z = 3 }");
        Assert.Equal("""{"a":{"x":1,"y":{"p":1,"q":2},"z":3}}""", json);
    }

    [Fact]
    public void Duplicate_non_object_keys_last_wins()
    {
        Assert.Equal("""{"a":2}""", TestHocon.Json("a = 1\na = 2"));
        Assert.Equal("""{"a":[3]}""", TestHocon.Json("a = [1, 2]\na = [3]"));
    }

    [Fact]
    public void A_later_non_object_replaces_an_object_and_vice_versa()
    {
        Assert.Equal("""{"a":42}""", TestHocon.Json("a { x = 1 }\na = 42"));
        Assert.Equal("""{"a":{"y":2}}""", TestHocon.Json("a { x = 1 }\na = 42\na { y = 2 }"));
    }

    [Fact]
    public void Path_keys_merge_with_object_keys()
    {
        Assert.Equal("""{"a":{"b":1,"c":2,"d":{"e":3}}}""", TestHocon.Json("a { b = 1 }\na.c = 2\na.d.e = 3"));
    }

    [Fact]
    public void With_fallback_merges_objects_and_prefers_this()
    {
        var app = HoconConfig.Parse("akka { loglevel = DEBUG, actor { provider = cluster } }");
        var reference = HoconConfig.Parse("akka { loglevel = INFO, stdout = WARNING, actor { provider = local, timeout = 5s } }");
        var merged = app.WithFallback(reference).Resolve();
        Assert.Equal("""{"akka":{"loglevel":"DEBUG","stdout":"WARNING","actor":{"provider":"cluster","timeout":"5s"}}}""", merged.ToJson(indented: false));
    }

    [Fact]
    public void With_fallback_does_not_change_either_input()
    {
        var app = HoconConfig.Parse("a { x = 1 }");
        var reference = HoconConfig.Parse("a { y = 2 }");
        _ = app.WithFallback(reference);
        Assert.Equal("""{"a":{"x":1}}""", app.ToJson(indented: false));
        Assert.Equal("""{"a":{"y":2}}""", reference.ToJson(indented: false));
    }

    [Fact]
    public void Substitutions_resolve_across_fallbacks()
    {
        var app = HoconConfig.Parse("service.url = \"http://\"${host}\":\"${port}");
        var reference = HoconConfig.Parse("host = localhost\nport = 8080");
        var merged = app.WithFallback(reference);
        Assert.False(merged.IsResolved);
        Assert.Equal("http://localhost:8080", merged.Resolve(HoconResolveOptions.WithoutEnvironment).GetString("service.url"));
    }

    [Fact]
    public void Fallback_substitution_sees_the_overriding_value()
    {
        var app = HoconConfig.Parse("port = 9000");
        var reference = HoconConfig.Parse("port = 8080\nurl = \"host:\"${port}");
        Assert.Equal("host:9000", app.WithFallback(reference).Resolve(HoconResolveOptions.WithoutEnvironment).GetString("url"));
    }

    [Fact]
    public void Empty_config_is_identity_for_with_fallback()
    {
        var config = HoconConfig.Parse("a = 1");
        Assert.Same(config, config.WithFallback(HoconConfig.Empty));
        Assert.Same(config, HoconConfig.Empty.WithFallback(config));
        Assert.Empty(HoconConfig.Empty.Keys);
        Assert.True(HoconConfig.Empty.IsResolved);
    }

    [Fact]
    public void Self_reference_in_the_overriding_config_sees_the_fallback_value()
    {
        var app = HoconConfig.Parse("path = ${path}\":/extra\"\nlist += 3\nobj = ${obj} { b = 2 }");
        var reference = HoconConfig.Parse("path = /base\nlist = [1, 2]\nobj { a = 1 }");
        var merged = app.WithFallback(reference).Resolve(HoconResolveOptions.WithoutEnvironment);
        Assert.Equal("/base:/extra", merged.GetString("path"));
        Assert.Equal(["1", "2", "3"], merged.GetStringList("list"));
        Assert.Equal("""{"a":1,"b":2}""", merged.GetConfig("obj").ToJson(indented: false));
    }

    [Fact]
    public void A_sub_config_layered_over_its_parent_resolves_each_copy_at_its_own_path()
    {
        var parsed = HoconConfig.Parse("x = base\na { x = ${x}\"-a\" }");
        var layered = parsed.GetConfig("a").WithFallback(parsed).Resolve(HoconResolveOptions.WithoutEnvironment);
        Assert.Equal("base-a", layered.GetString("x"));
        Assert.Equal("base-a-a", layered.GetString("a.x"));
    }
}
