using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class DurationTests
{
    [Theory]
    [InlineData("10s", 100_000_000L)]
    [InlineData("100 ms", 1_000_000L)]
    [InlineData("100 millis", 1_000_000L)]
    [InlineData("1 millisecond", 10_000L)]
    [InlineData("5 minutes", 3_000_000_000L)]
    [InlineData("5m", 3_000_000_000L)]
    [InlineData("1d", 864_000_000_000L)]
    [InlineData("2 days", 1_728_000_000_000L)]
    [InlineData("3h", 108_000_000_000L)]
    [InlineData("1 hour", 36_000_000_000L)]
    [InlineData("1 second", 10_000_000L)]
    [InlineData("250us", 2_500L)]
    [InlineData("3 microseconds", 30L)]
    [InlineData("1500 ns", 15L)]
    [InlineData("99 nanos", 0L)]
    [InlineData("1.5s", 15_000_000L)]
    [InlineData("-2s", -20_000_000L)]
    [InlineData("\"250\"", 2_500_000L)]
    public void Durations_parse_with_every_unit(string value, long ticks) =>
        Assert.Equal(TimeSpan.FromTicks(ticks), TestHocon.Resolve($"d = {value}").GetDuration("d"));

    [Fact]
    public void A_bare_number_is_milliseconds()
    {
        var config = TestHocon.Resolve("a = 250\nb = 1.5");
        Assert.Equal(TimeSpan.FromMilliseconds(250), config.GetDuration("a"));
        Assert.Equal(TimeSpan.FromTicks(15_000), config.GetDuration("b"));
    }

    [Theory]
    [InlineData("10 fortnights", "unknown unit 'fortnights'")]
    [InlineData("10 S", "unknown unit 'S'")]
    [InlineData("seconds", "no number")]
    [InlineData("1.2.3s", "is not a number")]
    [InlineData("99999999999999 days", "out of range")]
    public void Bad_durations_name_the_path_the_origin_and_the_problem(string value, string reason)
    {
        var config = TestHocon.Resolve($"x {{\n  timeout = {value}\n}}");
        var error = Assert.Throws<HoconBadValueException>(() => config.GetDuration("x.timeout"));
        Assert.StartsWith("test.conf:2:13: 'x.timeout': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal("x.timeout", error.Path);
    }

    [Fact]
    public void Non_scalar_duration_is_a_wrong_type()
    {
        var error = Assert.Throws<HoconWrongTypeException>(() => TestHocon.Resolve("d = [1]").GetDuration("d"));
        Assert.Contains("expected a duration", error.Message, StringComparison.Ordinal);
    }
}
