using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Includes;

/// <summary>A parsed include statement.</summary>
internal sealed record IncludeDirective(IncludeKind Kind, string Name, bool Required, HoconOrigin Origin)
{
    public string Render()
    {
        var inner = Kind switch
        {
            IncludeKind.File => $"file({QuotedText.Quote(Name)})",
            IncludeKind.Url => $"url({QuotedText.Quote(Name)})",
            IncludeKind.Classpath => $"classpath({QuotedText.Quote(Name)})",
            _ => QuotedText.Quote(Name),
        };
        return Required ? $"required({inner})" : inner;
    }
}
