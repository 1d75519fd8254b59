using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class ReadApiTests
{
    private static readonly HoconConfig Config = TestHocon.Resolve("""
        s = hello
        n = 42
        big = 3000000000
        d = 2.5
        whole = 4.0
        t = true
        f = false
        yes = "yes"
        off = off
        ns = "17"
        nd = " 1.25 "
        z = null
        list = [a, 1, true]
        objs = [{ a = 1 }]
        nested { inner { value = 7 } }
        """);

    [Fact]
    public void Strings_numbers_and_booleans_read_as_strings()
    {
        Assert.Equal("hello", Config.GetString("s"));
        Assert.Equal("42", Config.GetString("n"));
        Assert.Equal("2.5", Config.GetString("d"));
        Assert.Equal("true", Config.GetString("t"));
    }

    [Fact]
    public void Integers_read_with_range_checks_and_string_conversion()
    {
        Assert.Equal(42, Config.GetInt("n"));
        Assert.Equal(17, Config.GetInt("ns"));
        Assert.Equal(4, Config.GetInt("whole"));
        Assert.Equal(3_000_000_000L, Config.GetLong("big"));
        var range = Assert.Throws<HoconBadValueException>(() => Config.GetInt("big"));
        Assert.Contains("out of range for a 32-bit int", range.Message, StringComparison.Ordinal);
        var fraction = Assert.Throws<HoconBadValueException>(() => Config.GetLong("d"));
        Assert.Contains("not a whole number", fraction.Message, StringComparison.Ordinal);
        Assert.Throws<HoconWrongTypeException>(() => Config.GetInt("s"));
    }

    [Fact]
    public void Doubles_read_from_numbers_and_numeric_strings()
    {
        Assert.Equal(2.5, Config.GetDouble("d"));
        Assert.Equal(42.0, Config.GetDouble("n"));
        Assert.Equal(1.25, Config.GetDouble("nd"));
        Assert.Throws<HoconWrongTypeException>(() => Config.GetDouble("t"));
    }

    [Fact]
    public void Booleans_read_from_true_false_yes_no_on_off()
    {
        Assert.True(Config.GetBoolean("t"));
        Assert.False(Config.GetBoolean("f"));
        Assert.True(Config.GetBoolean("yes"));
        Assert.False(Config.GetBoolean("off"));
        Assert.True(TestHocon.Resolve("a = on").GetBoolean("a"));
        Assert.False(TestHocon.Resolve("a = no").GetBoolean("a"));
        var error = Assert.Throws<HoconWrongTypeException>(() => Config.GetBoolean("s"));
        Assert.Equal("a boolean (true/false/yes/no/on/off)", error.ExpectedType);
        Assert.Throws<HoconWrongTypeException>(() => Config.GetBoolean("n"));
    }

    [Fact]
    public void String_lists_convert_scalar_elements()
    {
        Assert.Equal(["a", "1", "true"], Config.GetStringList("list"));
        var error = Assert.Throws<HoconWrongTypeException>(() => Config.GetStringList("objs"));
        Assert.Equal("objs[0]", error.Path);
        Assert.Throws<HoconWrongTypeException>(() => Config.GetStringList("s"));
    }

    [Fact]
    public void Sub_configs_and_keys()
    {
        var nested = Config.GetConfig("nested");
        Assert.Equal(["inner"], nested.Keys);
        Assert.Equal(7, nested.GetInt("inner.value"));
        Assert.Equal(7, nested.GetConfig("inner").GetInt("value"));
        Assert.Throws<HoconWrongTypeException>(() => Config.GetConfig("s"));
    }

    [Fact]
    public void Has_path_treats_null_as_absent()
    {
        Assert.True(Config.HasPath("nested.inner.value"));
        Assert.False(Config.HasPath("nested.inner.nope"));
        Assert.False(Config.HasPath("z"));
        Assert.True(Config.HasPathOrNull("z"));
        Assert.False(Config.HasPath("s.deeper"));
    }

    [Fact]
    public void Missing_path_error_names_the_path_and_the_nearest_object()
    {
        var error = Assert.Throws<HoconMissingPathException>(() => Config.GetString("nested.inner.nope"));
        Assert.Equal("nested.inner.nope", error.Path);
        Assert.StartsWith("test.conf:15:16: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("'nested.inner' has no key \"nope\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_error_names_the_path_and_the_value_origin()
    {
        var error = Assert.Throws<HoconWrongTypeException>(() => Config.GetConfig("list"));
        Assert.StartsWith("test.conf:13:8: 'list' is a list, expected an object", error.Message, StringComparison.Ordinal);
        Assert.Equal("a list", error.ActualType);
        var through = Assert.Throws<HoconWrongTypeException>(() => Config.GetString("s.x"));
        Assert.Contains("'s' is a string, not an object", through.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_values_are_wrong_type_for_typed_reads()
    {
        var error = Assert.Throws<HoconWrongTypeException>(() => Config.GetString("z"));
        Assert.Contains("'z' is null", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.conf:12:5: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_keys_are_read_with_quoted_paths()
    {
        var config = TestHocon.Resolve("akka.actor.deployment { \"/user/a.b\" { router = pool } }");
        Assert.Equal("pool", config.GetString("akka.actor.deployment.\"/user/a.b\".router"));
    }
}
