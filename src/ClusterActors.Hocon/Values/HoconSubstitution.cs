namespace ClusterActors.Hocon.Values;

/// <summary>
/// A <c>${path}</c> or <c>${?path}</c> reference. <see cref="FallbackPath"/> is the path as written in an
/// included file before it was relocated under the including object: the spec asks to try the relocated
/// path first and then the original one.
/// </summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(HoconPath path, bool optional, HoconOrigin origin, HoconPath? fallbackPath = null, bool isAppendSugar = false)
        : base(origin)
    {
        Path = path;
        Optional = optional;
        FallbackPath = fallbackPath;
        IsAppendSugar = isAppendSugar;
    }

    public HoconPath Path { get; }

    public bool Optional { get; }

    public HoconPath? FallbackPath { get; }

    /// <summary>Made by <c>a += x</c> (sugar for <c>a = ${?a} [x]</c>): it never reads the environment.</summary>
    public bool IsAppendSugar { get; }

    public override HoconValueKind Kind => HoconValueKind.Substitution;

    public override bool IsResolved => false;

    public string Render() => (Optional ? "${?" : "${") + (FallbackPath ?? Path).Render() + "}";

    public override HoconValue Relocate(HoconPath prefix) =>
        new HoconSubstitution(prefix.Concat(Path), Optional, Origin, IsAppendSugar ? null : FallbackPath ?? Path, IsAppendSugar);
}
