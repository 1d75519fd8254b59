using ClusterActors.Persistence.MembershipDatabase;
using static ClusterActors.Persistence.Tests.MembershipDatabase.MembershipRecords;

namespace ClusterActors.Persistence.Tests.MembershipDatabase;

/// <summary>The membership-database contract on the in-process store; every client is the one shared instance, as in the simulator.</summary>
public sealed class InMemoryMembershipDatabaseTests : MembershipDatabaseConformance
{
    protected override IMembershipDatabase CreateClient() => FirstClient ?? new InMemoryMembershipDatabase();

    [Fact]
    public void T11_every_call_completes_synchronously_for_the_simulator()
    {
        var calls = new Task[]
        {
            Database.EnsureCreatedAsync(),
            Database.SaveNodeAsync(Node("node-1")),
            Database.GetNodeAsync("node-1"),
            Database.ListNodesAsync(),
            Database.SaveTransitionStatesAsync(View("node-1", 1, 2, State("node-1"))),
            Database.SaveTransitionStatesAsync(View("node-1", 1, 1)),
            Database.GetTransitionStatesAsync("node-1"),
        };

        Assert.All(calls, call => Assert.True(call.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task T11_caller_changing_its_list_does_not_change_the_stored_view()
    {
        var states = new List<TransitionStateRecord> { State("node-2"), State("node-1") };
        await Database.SaveTransitionStatesAsync(new TransitionStatesRecord("node-1", 1, 1, At, states));

        states.Add(State("node-3"));
        states.RemoveAt(0);

        Assert.Equal(View("node-1", 1, 1, State("node-1"), State("node-2")) with { UpdatedAt = At }, await Database.GetTransitionStatesAsync("node-1"));
    }

    [Fact]
    public async Task T11_disposing_one_node_keeps_the_others_data()
    {
        await Database.SaveNodeAsync(Node("node-1"));

        await Database.DisposeAsync();

        Assert.Equal(Node("node-1"), await Database.GetNodeAsync("node-1"));
    }

    [Fact]
    public void T11_views_compare_by_their_states_not_by_list_reference()
    {
        var a = View("node-1", 1, 1, State("node-1"), State("node-2"));
        var b = a with { States = [State("node-1"), State("node-2")] };
        var c = a with { States = [State("node-2"), State("node-1")] };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Contains("node-2", a.ToString(), StringComparison.Ordinal);
    }
}
