using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace ClusterActors.Hocon.Tests.Conformance;

/// <summary>
/// lightbend/config's equivalence corpus (see shared/conformance/hocon/PROVENANCE.txt): every .conf and
/// .json file in an equiv* folder must parse as a file, resolve without environment variables, and equal
/// that folder's original.json read by System.Text.Json. Each file is its own case.
/// When the corpus cannot be found the single "corpus missing" case reports where it looked and passes,
/// except under CI=true, where it fails: CI must never silently skip the conformance suite.
/// </summary>
public sealed class CorpusConformanceTests
{
    private const string MissingMarker = "<corpus not found>";
    private readonly ITestOutputHelper _output;

    public CorpusConformanceTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        var corpus = CorpusLocator.Find(out _);
        var files = corpus is null ? [] : CorpusLocator.Files(corpus).ToList();
        if (files.Count == 0)
        {
            data.Add(MissingMarker);
        }

        foreach (var file in files)
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void File_is_equivalent_to_original_json(string file)
    {
        var corpus = CorpusLocator.Find(out var searched);
        if (file == MissingMarker)
        {
            var message = $"HOCON corpus not found (searched {searched}); set {CorpusLocator.EnvironmentVariable} to its folder.";
            _output.WriteLine(message);
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), message);
            return;
        }

        Assert.NotNull(corpus);
        var full = Path.Combine(corpus, file);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(full)!, "original.json")));

        var actual = HoconConfig.ParseFile(full).Resolve(HoconResolveOptions.WithoutEnvironment).ToJsonNode();

        var difference = JsonTreeComparer.FirstDifference(expected, actual);
        Assert.True(difference is null, $"{file}: {difference}\nactual: {actual?.ToJsonString()}");
    }

    [Fact]
    public void Corpus_has_the_expected_folders_when_present()
    {
        var corpus = CorpusLocator.Find(out var searched);
        if (corpus is null)
        {
            _output.WriteLine($"HOCON corpus not found (searched {searched}).");
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "corpus missing under CI");
            return;
        }

        var files = CorpusLocator.Files(corpus).ToList();
        Assert.Contains("equiv01/original.json", files);
        Assert.Contains("equiv01/substitutions.conf", files);
        Assert.Contains("equiv03/includes.conf", files);
        Assert.DoesNotContain(files, f => f.Contains("/letters/", StringComparison.Ordinal));
    }

    [Fact]
    public void Comparer_distinguishes_integers_from_doubles_and_ignores_key_order()
    {
        Assert.Null(JsonTreeComparer.FirstDifference(JsonNode.Parse("""{"a":1,"b":[1.5,"x"]}"""), JsonNode.Parse("""{"b":[1.5,"x"],"a":1}""")));
        Assert.NotNull(JsonTreeComparer.FirstDifference(JsonNode.Parse("""{"a":42}"""), JsonNode.Parse("""{"a":42.0}""")));
        Assert.NotNull(JsonTreeComparer.FirstDifference(JsonNode.Parse("""{"a":"42"}"""), JsonNode.Parse("""{"a":42}""")));
        Assert.NotNull(JsonTreeComparer.FirstDifference(JsonNode.Parse("""{"a":1}"""), JsonNode.Parse("""{"a":1,"b":2}""")));
        Assert.Null(JsonTreeComparer.FirstDifference(JsonNode.Parse("""{"a":42,"b":4.5}"""), HoconConfig.Parse("a=42, b=4.5").ToJsonNode()));
        Assert.NotNull(JsonTreeComparer.FirstDifference(JsonNode.Parse("""{"a":42}"""), HoconConfig.Parse("a=42.0").ToJsonNode()));
    }
}
