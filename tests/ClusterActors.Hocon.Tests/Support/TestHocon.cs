namespace ClusterActors.Hocon.Tests.Support;

/// <summary>Short ways to parse and resolve in tests, never touching the real environment.</summary>
internal static class TestHocon
{
    public static HoconConfig Resolve(string text, IReadOnlyDictionary<string, string>? environment = null) =>
        HoconConfig.Parse(text, new HoconParseOptions { OriginName = "test.conf" }).Resolve(Options(environment));

    public static HoconResolveOptions Options(IReadOnlyDictionary<string, string>? environment) =>
        environment is null
            ? HoconResolveOptions.WithoutEnvironment
            : new HoconResolveOptions { EnvironmentLookup = name => environment.TryGetValue(name, out var v) ? v : null };

    public static string Json(string text) => Resolve(text).ToJson(indented: false);
}
