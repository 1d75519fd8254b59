namespace ClusterActors.Hocon.Values;

/// <summary>A list node.</summary>
internal sealed class HoconArray : HoconValue
{
    private readonly HoconValue[] _elements;
    private int _resolvedState;

    public HoconArray(IEnumerable<HoconValue> elements, HoconOrigin origin)
        : base(origin) => _elements = [.. elements];

    public override HoconValueKind Kind => HoconValueKind.Array;

    public IReadOnlyList<HoconValue> Elements => _elements;

    public override bool IsResolved
    {
        get
        {
            if (_resolvedState == 0)
            {
                _resolvedState = Array.TrueForAll(_elements, e => e.IsResolved) ? 1 : 2;
            }

            return _resolvedState == 1;
        }
    }

    public override HoconValue Relocate(HoconPath prefix) =>
        IsResolved ? this : new HoconArray(_elements.Select(e => e.Relocate(prefix)), Origin);
}
