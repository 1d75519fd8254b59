using System.Collections.Immutable;
using System.Data.Common;

namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>
/// Maps the rows both databases return onto records. The queries select the same columns in the same order;
/// only the time column differs (INTEGER microseconds in SQLite, timestamptz in PostgreSQL), hence <c>readTime</c>.
/// </summary>
internal static class MembershipRows
{
    /// <summary>A node row: node_id, cluster_address, management_url, last_incarnation, last_epoch, updated_at.</summary>
    public static NodeConfigurationRecord Node(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> readTime) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetInt64(3),
        reader.GetInt64(4),
        readTime(reader, 5));

    /// <summary>Every node row the reader returns, ordered by node id (ordinal, whatever the database's collation).</summary>
    public static async Task<IReadOnlyList<NodeConfigurationRecord>> NodesAsync(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> readTime, CancellationToken cancellationToken)
    {
        var nodes = new List<NodeConfigurationRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            nodes.Add(Node(reader, readTime));
        }

        return [.. nodes.OrderBy(n => n.NodeId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The view of <paramref name="observerNodeId"/> from the header-joined-to-states rows (epoch, sequence,
    /// updated_at, then the state columns, null for a view without states); null when there is no row.
    /// </summary>
    public static async Task<TransitionStatesRecord?> ViewAsync(DbDataReader reader, string observerNodeId, Func<DbDataReader, int, DateTimeOffset> readTime, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var epoch = reader.GetInt64(0);
        var sequence = reader.GetInt64(1);
        var updatedAt = readTime(reader, 2);
        var states = new List<TransitionStateRecord>();
        do
        {
            if (!reader.IsDBNull(3))
            {
                states.Add(new TransitionStateRecord(
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetInt64(5),
                    reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8),
                    reader.IsDBNull(9) ? null : reader.GetInt32(9)));
            }
        }
        while (await reader.ReadAsync(cancellationToken));

        return new TransitionStatesRecord(observerNodeId, epoch, sequence, updatedAt, states.OrderBy(s => s.NodeId, StringComparer.Ordinal).ToImmutableArray());
    }
}
