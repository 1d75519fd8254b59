using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class IncludeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static HoconConfig Load(string path) => HoconConfig.ParseFile(path).Resolve(HoconResolveOptions.WithoutEnvironment);

    [Fact]
    public void Include_of_a_quoted_name_is_relative_to_the_including_file()
    {
        _dir.Write("conf/sub/other.conf", "b = 2");
        var main = _dir.Write("conf/main.conf", "a = 1\ninclude \"sub/other.conf\"");
        Assert.Equal("""{"a":1,"b":2}""", Load(main).ToJson(indented: false));
    }

    [Fact]
    public void Nested_includes_are_relative_to_each_included_file()
    {
        _dir.Write("conf/sub/deeper/leaf.conf", "leaf = yes");
        _dir.Write("conf/sub/middle.conf", "include \"deeper/leaf.conf\"\nmiddle = yes");
        var main = _dir.Write("conf/main.conf", "include \"sub/middle.conf\"");
        Assert.Equal("""{"leaf":"yes","middle":"yes"}""", Load(main).ToJson(indented: false));
    }

    [Fact]
    public void File_and_required_forms_load_the_file()
    {
        _dir.Write("x.conf", "x = 1");
        _dir.Write("y.conf", "y = 2");
        _dir.Write("z.conf", "z = 3");
        var main = _dir.Write("main.conf", "include file(\"x.conf\")\ninclude required(\"y.conf\")\ninclude required( file( \"z.conf\" ) )");
        Assert.Equal("""{"x":1,"y":2,"z":3}""", Load(main).ToJson(indented: false));
    }

    [Fact]
    public void Missing_plain_include_is_ignored()
    {
        var main = _dir.Write("main.conf", "a = 1\ninclude \"nope.conf\"\ninclude file(\"nope2\")");
        Assert.Equal("""{"a":1}""", Load(main).ToJson(indented: false));
    }

    [Fact]
    public void Missing_required_include_is_an_error_at_the_include_statement()
    {
        var main = _dir.Write("main.conf", "a = 1\n  include required(\"nope.conf\")");
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.ParseFile(main));
        Assert.StartsWith($"{main}:2:3: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("required include", error.Message, StringComparison.Ordinal);
        Assert.Contains(_dir.PathOf("nope.conf"), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("include url(\"http://example.com/a.conf\")", "url(")]
    [InlineData("include classpath(\"reference.conf\")", "classpath(")]
    public void Url_and_classpath_includes_are_not_supported(string statement, string form)
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse(statement, new HoconParseOptions { OriginName = "app.conf" }));
        Assert.StartsWith("app.conf:1:1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not supported", error.Message, StringComparison.Ordinal);
        Assert.Contains(form, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("include file(nope.conf)")]
    [InlineData("include file(\"a\"")]
    [InlineData("include required(required(\"a\"))")]
    [InlineData("include \"a\" \"b\"")]
    public void Malformed_include_statements_are_errors(string statement)
    {
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Parse(statement));
        Assert.Contains("invalid include statement", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_without_extension_merges_properties_json_and_conf_in_that_order()
    {
        _dir.Write("app.properties", "from = properties\nonly.properties = p\nshared.p = 1");
        _dir.Write("app.json", """{ "from": "json", "only": { "json": "j" }, "shared": { "j": 2 } }""");
        _dir.Write("app.conf", "from = conf\nonly.conf = c\nshared.c = 3");
        var main = _dir.Write("main.conf", "include \"app\"");
        var config = Load(main);
        Assert.Equal("conf", config.GetString("from"));
        Assert.Equal("p", config.GetString("only.properties"));
        Assert.Equal("j", config.GetString("only.json"));
        Assert.Equal("c", config.GetString("only.conf"));
        Assert.Equal(["p", "j", "c"], config.GetConfig("shared").Keys);
    }

    [Fact]
    public void Name_without_extension_loads_whichever_variants_exist()
    {
        _dir.Write("only.json", """{ "a": 1 }""");
        var main = _dir.Write("main.conf", "include \"only\"");
        Assert.Equal("""{"a":1}""", Load(main).ToJson(indented: false));
    }

    [Fact]
    public void Include_inside_an_object_relocates_keys_and_substitutions()
    {
        _dir.Write("foo.conf", "x = 10\ny = ${x}");
        var main = _dir.Write("main.conf", "a { include \"foo.conf\" }\nb { include \"foo.conf\"\n x = 42 }");
        var config = Load(main);
        Assert.Equal(10, config.GetInt("a.y"));
        Assert.Equal(42, config.GetInt("b.y"));
        Assert.False(config.HasPath("x"));
    }

    [Fact]
    public void Relocated_substitution_falls_back_to_the_original_root_path()
    {
        _dir.Write("part.conf", "greeting = \"hello \"${user}");
        var main = _dir.Write("main.conf", "user = world\nsection { include \"part.conf\" }");
        Assert.Equal("hello world", Load(main).GetString("section.greeting"));
    }

    [Fact]
    public void Include_under_a_path_key_relocates_under_the_full_path()
    {
        _dir.Write("part.conf", "list += 1\nself = ${list}");
        var main = _dir.Write("main.conf", "a.b { list = [0] }\na.b { include \"part.conf\" }");
        var config = Load(main);
        Assert.Equal(["0", "1"], config.GetStringList("a.b.list"));
        Assert.Equal(["0", "1"], config.GetStringList("a.b.self"));
    }

    [Fact]
    public void Fields_after_an_include_override_it_and_fields_before_are_overridden()
    {
        _dir.Write("inc.conf", "a = included\nb = included\nc { x = 1 }");
        var main = _dir.Write("main.conf", "a = before\ninclude \"inc.conf\"\nb = after\nc { y = 2 }");
        Assert.Equal("""{"a":"included","b":"after","c":{"x":1,"y":2}}""", Load(main).ToJson(indented: false));
    }

    [Fact]
    public void Include_cycles_are_errors()
    {
        _dir.Write("a.conf", "include \"b.conf\"");
        var b = _dir.Write("b.conf", "include \"a.conf\"");
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.ParseFile(_dir.PathOf("a.conf")));
        Assert.Contains("include cycle", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{b}:1:1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_inside_an_included_file_name_that_file()
    {
        var broken = _dir.Write("broken.conf", "ok = 1\nbad = [1, 2");
        var main = _dir.Write("main.conf", "include \"broken.conf\"");
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.ParseFile(main));
        Assert.Equal(broken, error.OriginFile);
        Assert.Equal(2, error.Line);
        Assert.StartsWith($"{broken}:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Includes_from_a_string_are_relative_to_the_base_directory()
    {
        _dir.Write("inc.conf", "x = 1");
        var config = HoconConfig.Parse("include \"inc.conf\"", new HoconParseOptions { BaseDirectory = _dir.Path });
        Assert.Equal(1, config.GetInt("x"));
    }

    [Fact]
    public void Include_is_only_a_keyword_when_followed_by_a_target()
    {
        var config = TestHocon.Resolve("include = 5\ninclude.x { }\nincluded = yes");
        Assert.Equal("yes", config.GetString("included"));
        Assert.True(config.HasPath("include.x"));
    }

    [Fact]
    public void Json_files_are_strict_and_do_not_support_includes()
    {
        var json = _dir.Write("bad.json", "{ include \"x.conf\" }");
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.ParseFile(json));
        Assert.Equal(json, error.OriginFile);
        Assert.Equal(3, error.Column);
    }

    [Fact]
    public void Parse_file_missing_is_an_error_unless_allowed()
    {
        var missing = _dir.PathOf("missing.conf");
        var error = Assert.Throws<HoconParseException>(() => HoconConfig.ParseFile(missing));
        Assert.StartsWith($"{missing}:1:1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
        Assert.Empty(HoconConfig.ParseFile(missing, new HoconParseOptions { AllowMissing = true }).Keys);
    }

    [Fact]
    public void Parse_file_without_extension_merges_variants()
    {
        _dir.Write("application.properties", "a = 1\nb = 1");
        _dir.Write("application.conf", "b = 2");
        var config = Load(_dir.PathOf("application"));
        Assert.Equal("1", config.GetString("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Parse_file_picks_syntax_from_the_extension_or_the_option()
    {
        var props = _dir.Write("x.properties", "a.b = 1");
        var conf = _dir.Write("x.txt", "a.b = 1");
        Assert.Equal("""{"a":{"b":"1"}}""", Load(props).ToJson(indented: false));
        Assert.Equal("""{"a":{"b":1}}""", Load(conf).ToJson(indented: false));
        var forced = HoconConfig.ParseFile(conf, new HoconParseOptions { Syntax = HoconSyntax.Properties });
        Assert.Equal("""{"a":{"b":"1"}}""", forced.ToJson(indented: false));
    }
}
