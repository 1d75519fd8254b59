namespace ClusterActors.Hocon.Values;

/// <summary>A value concatenation that contains at least one substitution, so it can only be joined after resolution.</summary>
internal sealed class HoconConcatenation : HoconValue
{
    private readonly HoconValue[] _pieces;

    public HoconConcatenation(IEnumerable<HoconValue> pieces, HoconOrigin origin)
        : base(origin) => _pieces = [.. pieces];

    public IReadOnlyList<HoconValue> Pieces => _pieces;

    public override HoconValueKind Kind => HoconValueKind.Concatenation;

    public override bool IsResolved => false;

    public override HoconValue Relocate(HoconPath prefix) =>
        new HoconConcatenation(_pieces.Select(p => p.Relocate(prefix)), Origin);
}
