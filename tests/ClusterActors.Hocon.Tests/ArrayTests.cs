using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class ArrayTests
{
    [Fact]
    public void Arrays_hold_any_values_including_nested_arrays_and_objects()
    {
        var json = TestHocon.Json("a = [1, two, \"three\", [4, 5], { six = 6 }, null, true, 7.5]");
        Assert.Equal("""{"a":[1,"two","three",[4,5],{"six":6},null,true,7.5]}""", json);
    }

    [Fact]
    public void Plus_equals_appends_to_an_existing_array()
    {
        Assert.Equal("""{"a":[1,2,3]}""", TestHocon.Json("a = [1, 2]\na += 3"));
    }

    [Fact]
    public void Plus_equals_without_an_earlier_value_starts_a_new_array()
    {
        Assert.Equal("""{"a":[1],"b":{"c":["x","y"]}}""", TestHocon.Json("a += 1\nb.c += x\nb.c += y"));
    }

    [Fact]
    public void Plus_equals_inside_nested_objects_uses_the_full_path()
    {
        var json = TestHocon.Json("akka { extensions = [a] }\nakka { extensions += b }\nakka.extensions += c");
        Assert.Equal("""{"akka":{"extensions":["a","b","c"]}}""", json);
    }

    [Fact]
    public void Plus_equals_appends_a_list_as_a_single_element()
    {
        Assert.Equal("""{"a":[1,[2,3]]}""", TestHocon.Json("a = [1]\na += [2, 3]"));
    }

    [Fact]
    public void Plus_equals_on_a_non_array_is_an_error()
    {
        var error = Assert.Throws<HoconResolveException>(() => TestHocon.Resolve("a = text\na += 1"));
        Assert.Contains("cannot concatenate a string with a list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plus_equals_never_reads_the_environment()
    {
        var config = TestHocon.Resolve("list += 1", new Dictionary<string, string> { ["list"] = "from-env" });
        Assert.Equal(["1"], config.GetStringList("list"));
    }

    [Fact]
    public void Optional_missing_substitution_removes_the_array_element()
    {
        Assert.Equal("""{"a":[1,3]}""", TestHocon.Json("a = [1, ${?missing}, 3]"));
    }

    [Fact]
    public void Array_self_reference_appends()
    {
        Assert.Equal("""{"path":["a","b","c"]}""", TestHocon.Json("path = [a]\npath = ${path} [b]\npath = ${path} [c]"));
    }
}
