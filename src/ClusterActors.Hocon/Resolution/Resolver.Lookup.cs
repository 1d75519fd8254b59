using ClusterActors.Hocon.Merging;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Resolution;

/// <summary>Finding the value at a path in a view of the root, resolving only what the path passes through.</summary>
internal sealed partial class Resolver
{
    /// <summary>Finds and resolves the value at a path in a view of the root.</summary>
    private LookupResult Lookup(HoconPath path, ResolveContext context)
    {
        HoconValue node = _root;
        HoconPath? excludedAt = null;
        for (var i = 0; i < path.Length; i++)
        {
            var childPath = path.Take(i + 1);
            var child = ChildOf(node, path.Take(i), path[i], context);
            for (var view = context; view.ExcludedPath is not null && child is not null; view = view.Parent!)
            {
                if (view.ExcludedPath.Equals(childPath))
                {
                    child = Without(child, view.Excluded!);
                    if (child is null)
                    {
                        excludedAt = childPath;
                    }
                }
            }

            if (child is null)
            {
                return new LookupResult(null, excludedAt);
            }

            node = child;
        }

        return new LookupResult(ResolveField(node, path, context), excludedAt);
    }

    private HoconValue? ChildOf(HoconValue node, HoconPath nodePath, string key, ResolveContext context)
    {
        switch (node)
        {
            case HoconObject obj:
                return obj.TryGetValue(key, out var child) ? child : null;
            case HoconMergeStack stack:
                return ChildOfStack(stack, nodePath, key, context);
            case HoconSubstitution or HoconConcatenation:
                return ResolveField(node, nodePath, context) is HoconObject resolved && resolved.TryGetValue(key, out var field) ? field : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The value a key would have after the stack is merged, without resolving the whole stack: a lookup
    /// of <c>a.x</c> from inside <c>a</c> must not need all of <c>a</c>.
    /// </summary>
    private HoconValue? ChildOfStack(HoconMergeStack stack, HoconPath stackPath, string key, ResolveContext context)
    {
        if (context.ChildLookups.TryGetValue((stack, key), out var cached))
        {
            return cached;
        }

        var found = new List<HoconValue>();
        for (var k = stack.Layers.Count - 1; k >= 0; k--)
        {
            var layer = stack.Layers[k];
            HoconObject? source = layer as HoconObject;
            if (source is null)
            {
                if (!layer.IsUnmergeable)
                {
                    break;
                }

                var resolved = ResolveLayer(stack, k, stackPath, context);
                if (resolved is null)
                {
                    continue;
                }

                source = resolved as HoconObject;
                if (source is null)
                {
                    break;
                }
            }

            if (source.TryGetValue(key, out var child))
            {
                found.Add(child);
                if (child is HoconScalar or HoconArray)
                {
                    break;
                }
            }
        }

        HoconValue? result = null;
        for (var i = found.Count - 1; i >= 0; i--)
        {
            result = ValueMerger.Merge(result, found[i], inPlace: false);
        }

        context.ChildLookups[(stack, key)] = result;
        return result;
    }
}
