using ClusterActors.Hocon.Tests.Support;
using Xunit;

namespace ClusterActors.Hocon.Tests;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("512", 512L)]
    [InlineData("512B", 512L)]
    [InlineData("10 bytes", 10L)]
    [InlineData("512k", 524_288L)]
    [InlineData("512K", 524_288L)]
    [InlineData("1Ki", 1024L)]
    [InlineData("1 KiB", 1024L)]
    [InlineData("1 kibibyte", 1024L)]
    [InlineData("1kB", 1000L)]
    [InlineData("2 kilobytes", 2000L)]
    [InlineData("10MiB", 10_485_760L)]
    [InlineData("10m", 10_485_760L)]
    [InlineData("10 MB", 10_000_000L)]
    [InlineData("1 GB", 1_000_000_000L)]
    [InlineData("1G", 1_073_741_824L)]
    [InlineData("1 gibibytes", 1_073_741_824L)]
    [InlineData("2 TB", 2_000_000_000_000L)]
    [InlineData("1TiB", 1_099_511_627_776L)]
    [InlineData("1 PB", 1_000_000_000_000_000L)]
    [InlineData("1 EiB", 1_152_921_504_606_846_976L)]
    [InlineData("1.5K", 1536L)]
    [InlineData("\"64\"", 64L)]
    public void Sizes_parse_with_si_and_iec_units(string value, long bytes) =>
        Assert.Equal(bytes, TestHocon.Resolve($"s = {value}").GetBytes("s"));

    [Theory]
    [InlineData("10 KB", "unknown unit 'KB'")]
    [InlineData("10 furlongs", "unknown unit 'furlongs'")]
    [InlineData("10 EB", "does not fit in 64 bits")]
    [InlineData("1 ZiB", "does not fit in 64 bits")]
    [InlineData("MiB", "no number")]
    public void Bad_sizes_name_the_path_the_origin_and_the_problem(string value, string reason)
    {
        var error = Assert.Throws<HoconBadValueException>(() => TestHocon.Resolve($"size = {value}").GetBytes("size"));
        Assert.StartsWith("test.conf:1:8: 'size': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_are_bytes()
    {
        var config = TestHocon.Resolve("a = 4096\nb = 10.9");
        Assert.Equal(4096L, config.GetBytes("a"));
        Assert.Equal(10L, config.GetBytes("b"));
    }
}
