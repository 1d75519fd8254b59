using ClusterActors.Cluster.Membership;
using ClusterActors.Persistence.MembershipDatabase;
using Microsoft.Extensions.Logging;

namespace ClusterActors.Cluster.Transitions;

/// <summary>
/// Writes the table a supervisor holds to the membership database (SPEC T11), in the background and
/// keeping only the latest: a slow disk delays the record, never the protocol. The observer's node
/// configuration is upserted with the table's epoch.
/// </summary>
public sealed partial class MembershipDatabaseJournal(IMembershipDatabase database, NodeConfigurationRecord node, TimeProvider time, ILogger logger) : ITransitionTableJournal
{
    private readonly Lock gate = new();
    private TransitionTable? pending;
    private ClusterMember? observer;
    private Task writing = Task.CompletedTask;
    private bool running;

    /// <summary>Completes once every table recorded so far is written (for shutdown and tests).</summary>
    public Task Flushed
    {
        get
        {
            lock (gate)
            {
                return writing;
            }
        }
    }

    /// <inheritdoc />
    public void Record(ClusterMember observer, TransitionTable table)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentNullException.ThrowIfNull(table);
        lock (gate)
        {
            this.observer = observer;
            pending = table;
            if (running)
            {
                return;
            }

            running = true;
            writing = Task.Run(DrainAsync);
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            TransitionTable table;
            ClusterMember self;
            lock (gate)
            {
                if (pending is null)
                {
                    running = false;
                    return;
                }

                table = pending;
                self = observer!;
                pending = null;
            }

            try
            {
                var now = time.GetUtcNow();
                var states = table.Entries
                    .Select(entry => new TransitionStateRecord(entry.NodeId, entry.Run.Address.ToString(), entry.Run.Incarnation, entry.State.ToString(), entry.Kind?.ToString(), entry.CurrentLevel, entry.CurrentLevel is null ? null : entry.Barrier))
                    .ToList();
                await database.SaveTransitionStatesAsync(new TransitionStatesRecord(self.NodeId, table.Epoch, table.Sequence, now, states)).ConfigureAwait(false);
                await database.SaveNodeAsync(node with { LastEpoch = table.Epoch, UpdatedAt = now }).ConfigureAwait(false);
            }
            catch (Exception error) when (error is MembershipDatabaseException or InvalidOperationException or ArgumentException)
            {
                WriteFailed(logger, error, self, table.Epoch, table.Sequence);
            }
        }
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Error, Message = "{Self}: writing the transition table {Epoch}.{Sequence} to the membership database failed; the next change writes it again")]
    private static partial void WriteFailed(ILogger logger, Exception error, ClusterMember self, long epoch, long sequence);
}
