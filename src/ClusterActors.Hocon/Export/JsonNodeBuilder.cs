using System.Text.Json.Nodes;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Export;

/// <summary>Builds a System.Text.Json node tree from a resolved value tree; integers become long values, other numbers double values.</summary>
internal static class JsonNodeBuilder
{
    public static JsonNode? Build(HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                var node = new JsonObject();
                foreach (var key in obj.Keys)
                {
                    node[key] = Build(obj[key]);
                }

                return node;
            case HoconArray array:
                var list = new JsonArray();
                foreach (var element in array.Elements)
                {
                    list.Add(Build(element));
                }

                return list;
            case HoconScalar { Kind: HoconValueKind.Number, IsInteger: true } integer:
                return JsonValue.Create(integer.IntegerValue);
            case HoconScalar { Kind: HoconValueKind.Number } number:
                return JsonValue.Create(number.DoubleValue);
            case HoconScalar { Kind: HoconValueKind.Boolean } boolean:
                return JsonValue.Create(boolean.BooleanValue);
            case HoconScalar { Kind: HoconValueKind.Null }:
                return null;
            case HoconScalar scalar:
                return JsonValue.Create(scalar.Text);
            default:
                throw new HoconResolveException($"cannot convert {value.Describe()} to JSON; call Resolve() first", value.Origin);
        }
    }
}
