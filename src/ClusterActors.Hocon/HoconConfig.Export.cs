using System.Text.Json.Nodes;
using ClusterActors.Hocon.Export;

namespace ClusterActors.Hocon;

/// <summary>Whole-tree views of a resolved config: leaves and JSON.</summary>
public sealed partial class HoconConfig
{
    /// <summary>
    /// Every leaf as (path, text). Paths are HOCON path expressions ("a.b.c", with keys quoted when they
    /// contain '.', whitespace or reserved characters, so they read back with the getters). Text is the
    /// string form of strings, numbers (as written) and booleans, null for HOCON null. A list is one leaf
    /// whose text is the list as compact JSON. Empty objects have no leaves.
    /// </summary>
    /// <exception cref="HoconResolveException">The config is not resolved.</exception>
    public IEnumerable<KeyValuePair<string, string?>> Leaves() => LeafCollector.Collect(Root);

    /// <summary>The resolved config as JSON text; integers stay integers, keys keep their order.</summary>
    /// <exception cref="HoconResolveException">The config is not resolved.</exception>
    public string ToJson(bool indented = true) => JsonTreeWriter.Write(Root, indented);

    /// <summary>The resolved config as a System.Text.Json node tree (integers as long values, other numbers as double values).</summary>
    /// <exception cref="HoconResolveException">The config is not resolved.</exception>
    public JsonNode? ToJsonNode() => JsonNodeBuilder.Build(Root);
}
