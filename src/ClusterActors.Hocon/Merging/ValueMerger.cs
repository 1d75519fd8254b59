using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Merging;

/// <summary>
/// The duplicate-key rule: two objects merge field by field (the newer wins), any other newer value
/// replaces the older one, and a substitution or concatenation on either side is kept in a merge
/// stack until resolution decides.
/// </summary>
internal static class ValueMerger
{
    /// <param name="older">The earlier value (the fallback); null when there is none.</param>
    /// <param name="newer">The later value, which wins.</param>
    /// <param name="inPlace">
    /// True only while parsing, when every object in both trees is freshly built and unshared: merging
    /// then fills the older object instead of copying it, which keeps many path keys under one prefix linear.
    /// </param>
    public static HoconValue Merge(HoconValue? older, HoconValue newer, bool inPlace)
    {
        if (older is null)
        {
            return newer;
        }

        switch (newer)
        {
            case HoconObject newerObject:
                if (older is HoconObject olderObject)
                {
                    return MergeObjects(olderObject, newerObject, inPlace);
                }

                return older.IsUnmergeable || older is HoconMergeStack ? Stack(older, newer, inPlace) : newer;
            case HoconSubstitution or HoconConcatenation:
                return Stack(older, newer, inPlace);
            case HoconMergeStack stack:
                var merged = older;
                foreach (var layer in stack.Layers)
                {
                    merged = Merge(merged, layer, inPlace);
                }

                return merged;
            default:
                return newer;
        }
    }

    public static HoconObject MergeObjects(HoconObject older, HoconObject newer, bool inPlace)
    {
        var target = inPlace ? older : older.CopyWithOrigin(newer.Origin);
        foreach (var key in newer.Keys)
        {
            var value = newer[key];
            target.Set(key, target.TryGetValue(key, out var existing) ? Merge(existing, value, inPlace) : value);
        }

        return target;
    }

    private static HoconMergeStack Stack(HoconValue older, HoconValue newer, bool inPlace)
    {
        var layers = older is HoconMergeStack stack ? new List<HoconValue>(stack.Layers) : [older];
        if (newer is HoconObject newerObject && layers[^1] is HoconObject top)
        {
            // Adjacent object layers are merged right away: the result is the same and stacks stay short.
            layers[^1] = MergeObjects(top, newerObject, inPlace);
        }
        else
        {
            layers.Add(newer);
        }

        return new HoconMergeStack(layers, newer.Origin);
    }
}
