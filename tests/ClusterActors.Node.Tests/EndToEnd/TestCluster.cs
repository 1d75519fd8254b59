using System.Text.RegularExpressions;
using ClusterActors.Cli.LocalCluster;
using Xunit.Sdk;

namespace ClusterActors.Node.Tests.EndToEnd;

/// <summary>A local cluster of real node processes on ports nobody else uses, in a directory of its own; disposing kills every node and deletes the directory.</summary>
public sealed partial class TestCluster : IAsyncDisposable
{
    private const int Attempts = 3;
    private readonly TempDirectory directory;
    private readonly HttpClient http = new();

    private TestCluster(TempDirectory directory, RunningCluster running)
    {
        this.directory = directory;
        Running = running;
        Watch = new MembershipWatch(http, running.Layout, TimeProvider.System);
    }

    public LocalClusterLayout Layout => Running.Layout;

    public RunningCluster Running { get; }

    public MembershipWatch Watch { get; }

    /// <summary>
    /// Lays out <paramref name="nodes"/> nodes on ports the system hands out, starts them, and waits
    /// until each serves management HTTP. A port taken by someone else between picking and binding
    /// makes that node exit naming it; then the whole cluster starts again on new ports.
    /// </summary>
    public static async Task<TestCluster> Start(int nodes, TimeSpan deadline)
    {
        for (var attempt = 1; ; attempt++)
        {
            var directory = new TempDirectory();
            var free = LocalPorts.PickFree(2 * nodes);
            var layout = LocalClusterLayout.Plan(new LocalClusterOptions
            {
                Nodes = nodes,
                Ports = [.. Enumerable.Range(0, nodes).Select(i => new NodePorts(free[2 * i], free[2 * i + 1]))],
                Directory = directory.Path,
                Secret = "end-to-end-secret",
                Token = "end-to-end-token",
            });
            layout.Write();
            var running = await RunningCluster.Start(layout);
            try
            {
                await Task.WhenAll(running.Processes.Select(p => p.WaitForManagementAddress(deadline)));
                return new TestCluster(directory, running);
            }
            catch (Exception) when (attempt < Attempts && running.Processes.Any(p => p.HasExited && PortTaken().IsMatch(p.Output)))
            {
                await running.DisposeAsync();
                directory.Dispose();
            }
            catch
            {
                await running.DisposeAsync();
                directory.Dispose();
                throw;
            }
        }
    }

    /// <summary>Starts <paramref name="nodes"/> nodes and waits until they formed one cluster, both within <paramref name="deadline"/>.</summary>
    public static async Task<TestCluster> StartFormed(int nodes, TimeSpan deadline)
    {
        var started = TimeProvider.System.GetTimestamp();
        var cluster = await Start(nodes, deadline);
        try
        {
            await cluster.WithOutputOnFailure(() => cluster.WaitUntilFormed(deadline - TimeProvider.System.GetElapsedTime(started)));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until every node lists every node as Up, with quorum, at one epoch.</summary>
    public Task<IReadOnlyList<MembershipReading>> WaitUntilFormed(TimeSpan deadline) =>
        Running.WaitUntilFormedAsync(Watch, TimeSpan.FromMilliseconds(50), deadline, progress: null, CancellationToken.None);

    /// <summary>Runs <paramref name="step"/>; a failure is reported with every node's output tail.</summary>
    public async Task<T> WithOutputOnFailure<T>(Func<Task<T>> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            return await step();
        }
        catch (Exception ex) when (ex is TimeoutException or LocalClusterException)
        {
            throw new XunitException(ex.Message + Running.OutputTails());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Running.DisposeAsync();
        http.Dispose();
        directory.Dispose();
    }

    [GeneratedRegex("cannot listen for cluster peers|cannot serve management HTTP")]
    private static partial Regex PortTaken();
}
