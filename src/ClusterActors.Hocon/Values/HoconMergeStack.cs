using System.Collections;

namespace ClusterActors.Hocon.Values;

/// <summary>
/// Successive definitions of one field that could not be merged while parsing because at least one is
/// a substitution or concatenation. Layers run oldest first; the resolver merges them top-down and
/// lets a self-referential layer see only the layers below it.
/// </summary>
internal sealed class HoconMergeStack : HoconValue
{
    private readonly LayerList _layers;

    public HoconMergeStack(IEnumerable<HoconValue> layers, HoconOrigin origin)
        : base(origin)
    {
        HoconValue[] all = [.. layers];
        _layers = new LayerList(all, all.Length);
        Whole = this;
    }

    /// <summary>The first <paramref name="count"/> layers of another stack, sharing its storage.</summary>
    public HoconMergeStack(HoconMergeStack source, int count)
        : base(source._layers[count - 1].Origin)
    {
        _layers = new LayerList(source._layers.Buffer, count);
        Whole = source.Whole;
    }

    /// <summary>The stack this one was cut from (itself when it is not a prefix).</summary>
    public HoconMergeStack Whole { get; }

    public IReadOnlyList<HoconValue> Layers => _layers;

    public override HoconValueKind Kind => HoconValueKind.MergeStack;

    public override bool IsResolved => false;

    public override HoconValue Relocate(HoconPath prefix) =>
        new HoconMergeStack(_layers.Select(l => l.Relocate(prefix)), Origin);

    /// <summary>A read-only window on the first Count entries of a shared array.</summary>
    private sealed class LayerList(HoconValue[] buffer, int count) : IReadOnlyList<HoconValue>
    {
        public HoconValue[] Buffer { get; } = buffer;

        public int Count { get; } = count;

        public HoconValue this[int index] =>
            (uint)index < (uint)Count ? Buffer[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<HoconValue> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return Buffer[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
