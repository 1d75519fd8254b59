namespace ClusterActors.Hocon;

/// <summary>
/// How a HOCON config is exposed through Microsoft.Extensions.Configuration.
/// <para>
/// Duration rule (off by default, so plain strings are never changed): with
/// <see cref="RenderDurationsAsTimeSpan"/> on, a HOCON <em>string</em> that is a duration with an
/// explicit unit ("10s", "100 ms", "1.5h", "2 days") is handed out in TimeSpan's invariant "c" format
/// ("00:00:10") so the binder can fill <see cref="TimeSpan"/> properties. Numbers are left alone,
/// because a bare HOCON number means milliseconds while the binder would read "500" as 500 days. Set
/// <see cref="DurationPathFilter"/> to convert only chosen paths; at those paths bare numbers are
/// converted too, as milliseconds. Beware that unit-only strings such as "5m" (5 minutes) are durations.
/// </para>
/// </summary>
public sealed record HoconConfigurationOptions
{
    /// <summary>Convert duration strings to TimeSpan text; see the type's remarks for the exact rule.</summary>
    public bool RenderDurationsAsTimeSpan { get; init; }

    /// <summary>
    /// Limits the duration conversion to leaves whose HOCON path (e.g. "akka.ask-timeout") passes; at
    /// such paths bare numbers count as milliseconds. Null: every string with a duration unit.
    /// </summary>
    public Func<string, bool>? DurationPathFilter { get; init; }

    /// <summary>Used to resolve a config that is not resolved yet; default: environment lookup on.</summary>
    public HoconResolveOptions? ResolveOptions { get; init; }

    /// <summary>Directory a relative file path of <c>AddHoconFile</c> is taken from; default: the current directory.</summary>
    public string? BaseDirectory { get; init; }
}
