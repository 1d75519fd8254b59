using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Resolution;

/// <summary>
/// A view of the root used while resolving: a chain of exclusions "at path P, pretend that value V and
/// everything stacked above it is not there". Self-referential substitutions are resolved in such a
/// view, which is how they see only the earlier value of their own field. Views are interned per
/// (parent, path, value), and each keeps the results resolved in it.
/// </summary>
internal sealed class ResolveContext
{
    private Dictionary<(HoconPath, HoconValue), ResolveContext>? _children;
    private Dictionary<(HoconValue, string), HoconValue?>? _childLookups;

    private ResolveContext(ResolveContext? parent, HoconPath? excludedPath, HoconValue? excluded)
    {
        Parent = parent;
        ExcludedPath = excludedPath;
        Excluded = excluded;
    }

    public static ResolveContext CreateRoot() => new(null, null, null);

    public ResolveContext? Parent { get; }

    public HoconPath? ExcludedPath { get; }

    public HoconValue? Excluded { get; }

    /// <summary>
    /// Resolved value (null = undefined) of each node resolved in this view, by node identity and the
    /// path it was resolved at (one node can sit at two paths after GetConfig(..).WithFallback(..)).
    /// </summary>
    public Dictionary<(HoconValue Node, HoconPath Path), HoconValue?> Memo { get; } = [];

    /// <summary>Children of merge stacks computed for lookups in this view, by (stack, key).</summary>
    public Dictionary<(HoconValue, string), HoconValue?> ChildLookups => _childLookups ??= [];

    public bool HasExclusion(HoconPath path, HoconValue excluded)
    {
        for (var context = this; context.ExcludedPath is not null; context = context.Parent!)
        {
            if (ReferenceEquals(context.Excluded, excluded) && context.ExcludedPath.Equals(path))
            {
                return true;
            }
        }

        return false;
    }

    public ResolveContext WithExclusion(HoconPath path, HoconValue excluded)
    {
        _children ??= [];
        if (!_children.TryGetValue((path, excluded), out var child))
        {
            child = new ResolveContext(this, path, excluded);
            _children.Add((path, excluded), child);
        }

        return child;
    }
}
