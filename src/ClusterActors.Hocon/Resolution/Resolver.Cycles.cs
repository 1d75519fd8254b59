using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Resolution;

/// <summary>Bookkeeping of what is being resolved, to report cycles with the chain of paths that forms them.</summary>
internal sealed partial class Resolver
{
    private void Enter(HoconValue node, ResolveContext context, HoconPath path)
    {
        if (!_inProgress.Add((node, context, path)))
        {
            var start = _trail.FindIndex(e => ReferenceEquals(e.Node, node) && ReferenceEquals(e.Context, context) && e.Path.Equals(path));
            throw new HoconResolveException($"substitution cycle: {DescribeChain(start, path)}", CycleOrigin(node));
        }

        if (_trail.Count >= MaxDepth)
        {
            throw new HoconResolveException($"substitutions nest more than {MaxDepth} levels deep (at '{path.Render()}')", node.Origin);
        }

        _trail.Add(new TrailEntry(node, context, path));
    }

    private void Exit(HoconValue node, ResolveContext context, HoconPath path)
    {
        _inProgress.Remove((node, context, path));
        _trail.RemoveAt(_trail.Count - 1);
    }

    /// <summary>A cycle is reported at the substitution that closed it, which is where a reader can break it.</summary>
    private HoconOrigin CycleOrigin(HoconValue fallback) =>
        _activeSubstitutions.Count > 0 ? _activeSubstitutions[^1].Origin : fallback.Origin;

    private string DescribeChain(int start, HoconPath closing)
    {
        var names = new List<string>();
        for (var i = Math.Max(start, 0); i < _trail.Count; i++)
        {
            var name = _trail[i].Path.IsRoot ? "(root)" : _trail[i].Path.Render();
            if (names.Count == 0 || names[^1] != name)
            {
                names.Add(name);
            }
        }

        var last = closing.IsRoot ? "(root)" : closing.Render();
        if (names.Count == 0 || names[^1] != last || names.Count == 1)
        {
            names.Add(last);
        }

        return string.Join(" -> ", names);
    }
}
