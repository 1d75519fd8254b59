using ClusterActors.Actors;
using Xunit;
using static ClusterActors.Remoting.Tests.Faults.RouteBench;

namespace ClusterActors.Remoting.Tests.Faults;

public sealed class FaultArgumentTests
{
    private readonly FaultInjector injector = new(new VirtualTimeProvider(), seed: 1);

    public static TheoryData<double> BadProbabilities => [-0.01, 1.01, double.NaN, double.PositiveInfinity];

    [Theory]
    [MemberData(nameof(BadProbabilities))]
    public void A_probability_outside_zero_to_one_is_refused_naming_the_argument(double probability)
    {
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => injector.Drop(A, B, probability)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => injector.Duplicate(A, B, probability)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => injector.Reorder(A, B, probability, TimeSpan.FromMilliseconds(1))).ParamName);
        Assert.True(injector.FaultsOn(A, B).IsNone);
    }

    [Fact]
    public void Negative_times_and_an_empty_reorder_window_are_refused_naming_the_argument()
    {
        var negative = TimeSpan.FromTicks(-1);

        Assert.Equal("delay", Assert.Throws<ArgumentOutOfRangeException>(() => injector.Delay(A, B, negative)).ParamName);
        Assert.Equal("delay", Assert.Throws<ArgumentOutOfRangeException>(() => injector.Delay(A, B, Timeout.InfiniteTimeSpan)).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => injector.Reorder(A, B, 0.5, negative)).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => injector.Reorder(A, B, 0.5, TimeSpan.Zero)).ParamName);
        injector.Reorder(A, B, 0, TimeSpan.Zero);
        Assert.True(injector.FaultsOn(A, B).IsNone);
    }

    [Fact]
    public void A_link_needs_two_different_remote_addresses()
    {
        var local = new Address("ca", "cluster");

        Assert.Equal("to", Assert.Throws<ArgumentException>(() => injector.Drop(A, A, 0.5)).ParamName);
        Assert.Equal("from", Assert.Throws<ArgumentException>(() => injector.Delay(local, B, TimeSpan.Zero)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => injector.PassThrough(A, local)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentNullException>(() => injector.Blackhole(A, null!, LinkDirection.Both)).ParamName);
        Assert.Equal("direction", Assert.Throws<ArgumentOutOfRangeException>(() => injector.Blackhole(A, B, (LinkDirection)7)).ParamName);
    }

    [Fact]
    public void A_partition_needs_two_non_empty_disjoint_sides()
    {
        Assert.Equal("side", Assert.Throws<ArgumentException>(() => injector.Partition([], [A])).ParamName);
        var overlap = Assert.Throws<ArgumentException>(() => injector.Partition([A, B], [B, C]));
        Assert.Equal("otherSide", overlap.ParamName);
        Assert.Contains(B.ToString(), overlap.Message, StringComparison.Ordinal);
        Assert.Equal("otherSide", Assert.Throws<ArgumentNullException>(() => injector.Partition([A], null!)).ParamName);
        Assert.True(injector.FaultsOn(A, C).IsNone);
    }

    [Fact]
    public void Route_refuses_nulls()
    {
        Assert.Throws<ArgumentNullException>(() => injector.Route(null!, Message(B, 1), _ => { }));
        Assert.Throws<ArgumentNullException>(() => injector.Route(A, null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => injector.Route(A, Message(B, 1), null!));
    }
}
