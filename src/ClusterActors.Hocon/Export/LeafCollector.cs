using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Export;

/// <summary>
/// Lists every leaf of a resolved tree as (path expression, text). Scalars give their string form
/// (null for HOCON null); a list is one leaf rendered as compact JSON; empty objects have no leaves.
/// </summary>
internal static class LeafCollector
{
    public static List<KeyValuePair<string, string?>> Collect(HoconObject root)
    {
        var leaves = new List<KeyValuePair<string, string?>>();
        Walk(root, HoconPath.Root, leaves);
        return leaves;
    }

    private static void Walk(HoconValue value, HoconPath path, List<KeyValuePair<string, string?>> leaves)
    {
        switch (value)
        {
            case HoconObject obj:
                foreach (var key in obj.Keys)
                {
                    Walk(obj[key], path.Append(key), leaves);
                }

                break;
            case HoconArray:
                leaves.Add(new(path.Render(), JsonTreeWriter.Write(value, indented: false)));
                break;
            case HoconScalar scalar:
                leaves.Add(new(path.Render(), scalar.Text));
                break;
            default:
                throw new HoconResolveException($"'{path.Render()}' is {value.Describe()}; call Resolve() first", value.Origin);
        }
    }
}
