using ClusterActors.Hocon.Merging;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Resolution;

/// <summary>Merge stacks: top-down merging, the bottom-up warm-up, and the views that hide a layer and those above it.</summary>
internal sealed partial class Resolver
{
    private HoconValue? ResolveStack(HoconMergeStack stack, HoconPath path, ResolveContext context)
    {
        WarmUpBottomUp(stack, path, context);
        HoconValue? merged = null;
        for (var k = stack.Layers.Count - 1; k >= 0; k--)
        {
            var layer = ResolveLayer(stack, k, path, context);
            if (layer is null)
            {
                // An undefined ${?x} layer leaves the earlier value in place.
                continue;
            }

            if (!layer.IsResolved)
            {
                return stack;
            }

            merged = merged is null ? layer : ValueMerger.Merge(layer, merged, inPlace: false);
            if (layer is not HoconObject)
            {
                // A non-object hides everything below it; those layers are never needed.
                break;
            }
        }

        return merged;
    }

    /// <summary>
    /// Resolving top-down, each self-referential layer needs the value of the layers below it, which
    /// recurses once per layer: a long run of <c>a += x</c> would nest thousands deep. So the layers are
    /// first resolved bottom-up, handing each one the already merged value below it through the memo.
    /// This only fills the memo with values the top-down pass computes the same way; a layer that fails
    /// here stops the warm-up, and the top-down pass decides whether that layer is needed at all.
    /// </summary>
    private void WarmUpBottomUp(HoconMergeStack stack, HoconPath path, ResolveContext context)
    {
        HoconValue? below = null;
        var hidden = 0;
        for (var k = 0; k < stack.Layers.Count; k++)
        {
            var layer = stack.Layers[k];
            if (!layer.IsUnmergeable && !layer.IsResolved)
            {
                // An object layer holding substitutions may resolve differently in the narrower view the
                // layers above see; leave it, and everything above it, to the top-down pass.
                return;
            }

            HoconValue? resolved;
            var seeded = layer.IsUnmergeable && k > 0 && context.WithExclusion(path, layer).Memo.TryAdd((PrefixOf(stack, k), path), below);
            try
            {
                resolved = ResolveLayer(stack, k, path, context);
            }
            catch (HoconException)
            {
                return;
            }
            finally
            {
                if (seeded)
                {
                    context.WithExclusion(path, layer).Memo.Remove((PrefixOf(stack, k), path));
                }
            }

            if (resolved is { IsResolved: false })
            {
                return;
            }

            if (resolved is not null)
            {
                below = ValueMerger.Merge(below, resolved, inPlace: false);
                if (resolved is not HoconObject)
                {
                    // Layers under a non-object are never read again: drop their results so a long
                    // run of += does not keep every intermediate list alive.
                    for (var j = hidden; j < k; j++)
                    {
                        if (stack.Layers[j].IsUnmergeable)
                        {
                            context.WithExclusion(path, stack.Layers[j]).Memo.Remove((stack.Layers[j], path));
                        }
                    }

                    hidden = k;
                }
            }
        }
    }

    private HoconValue? ResolveLayer(HoconMergeStack stack, int index, HoconPath path, ResolveContext context)
    {
        var layer = stack.Layers[index];
        if (!layer.IsUnmergeable)
        {
            return ResolveField(layer, path, context);
        }

        var view = Exclude(context, path, layer);
        if (view.Memo.TryGetValue((layer, path), out var memo))
        {
            return memo;
        }

        Enter(layer, view, path);
        HoconValue? result;
        try
        {
            result = ResolvePiece(layer, path, view, frame: null);
        }
        finally
        {
            Exit(layer, view, path);
        }

        view.Memo[(layer, path)] = result;
        return result;
    }

    /// <summary>The value as it was before <paramref name="excluded"/> was assigned: the stack layers below it, or nothing.</summary>
    private HoconValue? Without(HoconValue value, HoconValue excluded)
    {
        if (ReferenceEquals(value, excluded))
        {
            return null;
        }

        if (value is not HoconMergeStack stack)
        {
            return value;
        }

        var index = -1;
        for (var i = 0; i < stack.Layers.Count; i++)
        {
            if (ReferenceEquals(stack.Layers[i], excluded))
            {
                index = i;
                break;
            }
        }

        return index switch
        {
            < 0 => value,
            0 => null,
            _ => PrefixOf(stack, index),
        };
    }

    /// <summary>The first <paramref name="count"/> layers as one value (the same instance every time, so results are memoized).</summary>
    private HoconValue PrefixOf(HoconMergeStack stack, int count)
    {
        if (count == 1)
        {
            return stack.Layers[0];
        }

        // Prefixes of prefixes are prefixes of the whole stack: one instance each keeps the memo shared.
        var whole = stack.Whole;
        if (count == whole.Layers.Count)
        {
            return whole;
        }

        if (!_stackPrefixes.TryGetValue((whole, count), out var prefix))
        {
            prefix = new HoconMergeStack(whole, count);
            _stackPrefixes.Add((whole, count), prefix);
        }

        return prefix;
    }
}
