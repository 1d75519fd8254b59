using ClusterActors.Persistence.MembershipDatabase;
using ClusterActors.Persistence.Tests.Support;
using static ClusterActors.Persistence.Tests.MembershipDatabase.MembershipRecords;

namespace ClusterActors.Persistence.Tests.MembershipDatabase;

/// <summary>
/// The contract of <see cref="IMembershipDatabase"/> (SPEC T11), run against every store by a derived class.
/// <see cref="OpenDatabase"/> gives another client of the same backing database, as another node would have.
/// </summary>
public abstract class MembershipDatabaseConformance : IAsyncLifetime
{
    private readonly List<IMembershipDatabase> _opened = [];

    /// <summary>The first client, with the tables created.</summary>
    protected IMembershipDatabase Database { get; private set; } = null!;

    /// <summary>The first client opened, or null before <see cref="InitializeAsync"/>.</summary>
    protected IMembershipDatabase? FirstClient => _opened.Count == 0 ? null : _opened[0];

    /// <summary>A new client (its own instance and connections) on the same backing database.</summary>
    protected abstract IMembershipDatabase CreateClient();

    /// <summary>Prepares the backing database before the first client opens.</summary>
    protected virtual Task CreateDatabaseAsync() => Task.CompletedTask;

    /// <summary>Frees the backing database after every client is disposed.</summary>
    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Database = OpenDatabase();
        await Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    protected IMembershipDatabase OpenDatabase()
    {
        var database = CreateClient();
        _opened.Add(database);
        return database;
    }

    [StoreFact]
    public async Task T11_saved_node_configuration_reads_back_from_another_node()
    {
        var node = Node("node-1", incarnation: 3, epoch: 7, url: "http://node-1:8080");

        await Database.SaveNodeAsync(node);

        Assert.Equal(node, await OpenDatabase().GetNodeAsync("node-1"));
    }

    [StoreFact]
    public async Task T11_saving_a_node_again_replaces_its_configuration()
    {
        await Database.SaveNodeAsync(Node("node-1", incarnation: 1, epoch: 1, url: "http://node-1:8080"));
        var rejoined = Node("node-1", incarnation: 2, epoch: 5) with { ClusterAddress = "tcp://10.0.0.9:2552" };

        await OpenDatabase().SaveNodeAsync(rejoined);

        Assert.Equal(rejoined, await Database.GetNodeAsync("node-1"));
        Assert.Null((await Database.GetNodeAsync("node-1"))!.ManagementUrl);
        Assert.Single(await Database.ListNodesAsync());
    }

    [StoreFact]
    public async Task T11_nodes_are_listed_ordered_by_node_id()
    {
        foreach (var id in new[] { "node-3", "node-10", "Node-2", "node-1" })
        {
            await Database.SaveNodeAsync(Node(id));
        }

        var listed = await OpenDatabase().ListNodesAsync();

        // Ordinal: upper case before lower case, "node-10" before "node-3".
        Assert.Equal(["Node-2", "node-1", "node-10", "node-3"], listed.Select(n => n.NodeId));
        Assert.Equal(Node("node-10"), listed[2]);
    }

    [StoreFact]
    public async Task T11_unknown_node_and_observer_read_as_nothing()
    {
        Assert.Null(await Database.GetNodeAsync("node-1"));
        Assert.Empty(await Database.ListNodesAsync());
        Assert.Null(await Database.GetTransitionStatesAsync("node-1"));
    }

    [StoreFact]
    public async Task T11_updated_at_reads_back_in_utc_to_the_microsecond()
    {
        // +02:00 and a tenth of a microsecond more than PostgreSQL keeps.
        var local = new DateTimeOffset(2025, 3, 4, 7, 6, 7, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var utc = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_560);

        await Database.SaveNodeAsync(Node("node-1") with { UpdatedAt = local });
        await Database.SaveTransitionStatesAsync(View("node-1", 1, 1) with { UpdatedAt = local });

        var node = await OpenDatabase().GetNodeAsync("node-1");
        var view = await Database.GetTransitionStatesAsync("node-1");
        Assert.Equal(utc.UtcTicks, node!.UpdatedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, node.UpdatedAt.Offset);
        Assert.Equal(utc.UtcTicks, view!.UpdatedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, view.UpdatedAt.Offset);
    }

    [StoreFact]
    public async Task T11_transition_states_read_back_ordered_by_node_id()
    {
        var written = View(
            "node-1",
            4,
            2,
            State("node-3", "Leaving", incarnation: 2, transition: "Leave", level: 3, barrier: 0),
            State("node-1", "Joined"),
            State("node-2", "ForcedLeaving", incarnation: 5, transition: "ForcedLeave", level: 0, barrier: 1));

        Assert.True(await Database.SaveTransitionStatesAsync(written));

        var read = await OpenDatabase().GetTransitionStatesAsync("node-1");
        Assert.Equal(written with { States = [.. written.States.OrderBy(s => s.NodeId, StringComparer.Ordinal)] }, read);
        Assert.Equal(["node-1", "node-2", "node-3"], read!.States.Select(s => s.NodeId));
    }

    [StoreFact]
    public async Task T11_transition_states_are_replaced_wholesale()
    {
        await Database.SaveTransitionStatesAsync(View("node-1", 1, 1, State("node-1"), State("node-2", "Joining", transition: "Join", level: 1, barrier: 0), State("node-3")));
        var next = View("node-1", 1, 2, State("node-2"), State("node-4", "Joining", transition: "Join", level: 0, barrier: 1));

        Assert.True(await OpenDatabase().SaveTransitionStatesAsync(next));

        // node-1 and node-3 are gone, node-2 changed, node-4 arrived: nothing of the old view is left.
        Assert.Equal(next, await Database.GetTransitionStatesAsync("node-1"));
    }

    [StoreFact]
    public async Task T11_view_without_states_is_kept_as_an_empty_list()
    {
        await Database.SaveTransitionStatesAsync(View("node-1", 1, 1, State("node-1")));

        Assert.True(await Database.SaveTransitionStatesAsync(View("node-1", 1, 2)));

        var read = await OpenDatabase().GetTransitionStatesAsync("node-1");
        Assert.Equal(View("node-1", 1, 2), read);
        Assert.Empty(read!.States);
    }

    [StoreFact]
    public async Task T11_stale_write_is_refused_and_leaves_the_view_unchanged()
    {
        var stored = View("node-1", 5, 3, State("node-1"), State("node-2"));
        await Database.SaveTransitionStatesAsync(stored);
        var other = OpenDatabase();

        Assert.False(await other.SaveTransitionStatesAsync(View("node-1", 5, 2, State("node-9"))));
        Assert.False(await other.SaveTransitionStatesAsync(View("node-1", 4, 99, State("node-9"))));

        Assert.Equal(stored, await Database.GetTransitionStatesAsync("node-1"));
    }

    [StoreFact]
    public async Task T11_equal_write_is_a_retry_and_newer_writes_replace()
    {
        await Database.SaveTransitionStatesAsync(View("node-1", 5, 3, State("node-1")));

        Assert.True(await Database.SaveTransitionStatesAsync(View("node-1", 5, 3, State("node-2"))));
        Assert.Equal(View("node-1", 5, 3, State("node-2")), await Database.GetTransitionStatesAsync("node-1"));

        // A new epoch restarts the sequence.
        Assert.True(await OpenDatabase().SaveTransitionStatesAsync(View("node-1", 6, 0, State("node-3"))));
        Assert.Equal(View("node-1", 6, 0, State("node-3")), await Database.GetTransitionStatesAsync("node-1"));
    }

    [StoreFact]
    public async Task T11_two_observers_do_not_overwrite_each_other()
    {
        var first = View("node-1", 2, 7, State("node-1"), State("node-2", "Leaving", transition: "Leave", level: 2, barrier: 1));
        var second = View("node-2", 9, 1, State("node-1", "Inactive"), State("node-2"));
        await Database.SaveTransitionStatesAsync(first);

        // node-2's view is newer than node-1's, yet it is node-2's own row: it neither replaces nor blocks node-1's.
        Assert.True(await OpenDatabase().SaveTransitionStatesAsync(second));
        var later = View("node-1", 2, 8, State("node-1"));
        Assert.True(await Database.SaveTransitionStatesAsync(later));

        Assert.Equal(later, await Database.GetTransitionStatesAsync("node-1"));
        Assert.Equal(second, await Database.GetTransitionStatesAsync("node-2"));
    }

    [StoreFact]
    public async Task T11_malformed_input_is_refused_before_touching_the_store()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Database.SaveNodeAsync(Node("")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Database.SaveNodeAsync(Node("node-1") with { ClusterAddress = " " }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Database.SaveNodeAsync(Node("node-1", url: "")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Database.SaveNodeAsync(Node("node-1", epoch: -1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Database.SaveNodeAsync(Node("node-1", epoch: -1)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Database.SaveNodeAsync(null!));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Database.GetNodeAsync(""));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Database.GetTransitionStatesAsync(" "));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Database.SaveTransitionStatesAsync(View("", 1, 1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Database.SaveTransitionStatesAsync(View("node-1", -1, 1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Database.SaveTransitionStatesAsync(View("node-1", 1, -1)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Database.SaveTransitionStatesAsync(View("node-1", 1, 1) with { States = null! }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Database.SaveTransitionStatesAsync(View("node-1", 1, 1, State("node-1"), null!)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Database.SaveTransitionStatesAsync(View("node-1", 1, 1, State(""))));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Database.SaveTransitionStatesAsync(View("node-1", 1, 1, State("node-1", state: ""))));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Database.SaveTransitionStatesAsync(View("node-1", 1, 1, State("node-1", transition: " "))));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Database.SaveTransitionStatesAsync(View("node-1", 1, 1, State("node-1", level: -1))));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Database.SaveTransitionStatesAsync(View("node-1", 1, 1, State("node-1", barrier: -1))));

        Assert.Empty(await Database.ListNodesAsync());
        Assert.Null(await Database.GetTransitionStatesAsync("node-1"));
    }

    [StoreFact]
    public async Task T11_incarnations_are_random_64_bit_run_ids_and_may_be_negative()
    {
        await Database.SaveNodeAsync(Node("node-1", incarnation: long.MinValue + 7));
        await Database.SaveTransitionStatesAsync(View("node-1", 1, 1, State("node-1", incarnation: -42)));

        Assert.Equal(long.MinValue + 7, (await Database.GetNodeAsync("node-1"))!.LastIncarnation);
        Assert.Equal(-42, (await Database.GetTransitionStatesAsync("node-1"))!.States.Single().Incarnation);
    }

    [StoreFact]
    public async Task T11_bad_field_is_named_in_the_error()
    {
        var negative = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Database.SaveNodeAsync(Node("node-1", epoch: -1)));
        var duplicate = await Assert.ThrowsAnyAsync<ArgumentException>(() => Database.SaveTransitionStatesAsync(View("node-1", 1, 1, State("node-1"), State("node-2"), State("node-1"))));

        Assert.Equal("node", negative.ParamName);
        Assert.Contains("LastEpoch", negative.Message, StringComparison.Ordinal);
        Assert.Equal("states", duplicate.ParamName);
        Assert.Contains("States[2].NodeId 'node-1'", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("States[0]", duplicate.Message, StringComparison.Ordinal);
        Assert.Null(await Database.GetTransitionStatesAsync("node-1"));
    }

    [StoreFact]
    public async Task T11_cancelled_call_throws_and_changes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Database.SaveNodeAsync(Node("node-1"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Database.SaveTransitionStatesAsync(View("node-1", 1, 1, State("node-1")), cancelled.Token));

        Assert.Null(await Database.GetNodeAsync("node-1"));
        Assert.Null(await Database.GetTransitionStatesAsync("node-1"));
    }

    [StoreFact]
    public async Task T11_tables_are_created_idempotently_by_many_nodes_at_once()
    {
        var clients = Enumerable.Range(0, 8).Select(_ => OpenDatabase()).ToArray();
        await Database.SaveNodeAsync(Node("node-1"));

        await Task.WhenAll(clients.Select(c => Task.Run(() => c.EnsureCreatedAsync())));
        await Database.EnsureCreatedAsync();

        Assert.Equal(Node("node-1"), await clients[^1].GetNodeAsync("node-1"));
    }

    [StoreFact]
    public async Task T11_nodes_sharing_the_database_write_at_once_and_every_write_lands()
    {
        const int nodes = 6;
        const int rounds = 15;
        var clients = Enumerable.Range(1, nodes).Select(_ => OpenDatabase()).ToArray();

        await Task.WhenAll(clients.Select((client, i) => Task.Run(async () =>
        {
            var self = $"node-{i + 1}";
            for (var round = 1; round <= rounds; round++)
            {
                await client.SaveNodeAsync(Node(self, incarnation: round));
                Assert.True(await client.SaveTransitionStatesAsync(View(self, 1, round, Enumerable.Range(1, nodes).Select(n => State($"node-{n}", incarnation: round)).ToArray())));
            }
        })));

        Assert.Equal(Enumerable.Range(1, nodes).Select(n => Node($"node-{n}", incarnation: rounds)), await Database.ListNodesAsync());
        for (var n = 1; n <= nodes; n++)
        {
            var view = await Database.GetTransitionStatesAsync($"node-{n}");
            Assert.Equal(rounds, view!.Sequence);
            Assert.All(view.States, s => Assert.Equal(rounds, s.Incarnation));
        }
    }

    [StoreFact]
    public async Task T11_racing_writes_of_one_observer_leave_the_newest_view_whole()
    {
        const int writers = 4;
        const int rounds = 15;
        var clients = Enumerable.Range(0, writers).Select(_ => OpenDatabase()).ToArray();

        // Each view's states carry its sequence, so a view mixed from two writes would show.
        await Task.WhenAll(clients.Select((client, w) => Task.Run(async () =>
        {
            for (var round = 0; round < rounds; round++)
            {
                var sequence = (round * writers) + w;
                var states = Enumerable.Range(1, 3 + (sequence % 3)).Select(n => State($"node-{n}", incarnation: sequence)).ToArray();
                await client.SaveTransitionStatesAsync(View("node-1", 1, sequence, states));
            }
        })));

        var newest = (rounds * writers) - 1;
        var view = await Database.GetTransitionStatesAsync("node-1");
        Assert.Equal(newest, view!.Sequence);
        Assert.Equal(3 + (newest % 3), view.States.Count);
        Assert.All(view.States, s => Assert.Equal(newest, s.Incarnation));
    }
}
