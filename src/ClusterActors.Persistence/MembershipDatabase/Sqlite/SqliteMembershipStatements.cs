namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>The SQL of the SQLite membership database; times are INTEGER microseconds since 1970-01-01 UTC.</summary>
internal static class SqliteMembershipStatements
{
    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS ca_membership_nodes (
            node_id          TEXT    NOT NULL PRIMARY KEY,
            cluster_address  TEXT    NOT NULL,
            management_url   TEXT,
            last_incarnation INTEGER NOT NULL,
            last_epoch       INTEGER NOT NULL,
            updated_at_us    INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS ca_membership_views (
            observer_node_id TEXT    NOT NULL PRIMARY KEY,
            epoch            INTEGER NOT NULL,
            sequence         INTEGER NOT NULL,
            updated_at_us    INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS ca_membership_view_states (
            observer_node_id TEXT    NOT NULL,
            node_id          TEXT    NOT NULL,
            address          TEXT    NOT NULL,
            incarnation      INTEGER NOT NULL,
            state            TEXT    NOT NULL,
            transition       TEXT,
            level            INTEGER,
            barrier          INTEGER,
            PRIMARY KEY (observer_node_id, node_id)
        ) WITHOUT ROWID;
        """;

    public const string SaveNode = """
        INSERT INTO ca_membership_nodes (node_id, cluster_address, management_url, last_incarnation, last_epoch, updated_at_us)
        VALUES ($node, $address, $url, $incarnation, $epoch, $updated)
        ON CONFLICT (node_id) DO UPDATE
            SET cluster_address = excluded.cluster_address, management_url = excluded.management_url,
                last_incarnation = excluded.last_incarnation, last_epoch = excluded.last_epoch,
                updated_at_us = excluded.updated_at_us;
        """;

    private const string NodeColumns = "node_id, cluster_address, management_url, last_incarnation, last_epoch, updated_at_us";

    public const string GetNode = "SELECT " + NodeColumns + " FROM ca_membership_nodes WHERE node_id = $node;";

    public const string ListNodes = "SELECT " + NodeColumns + " FROM ca_membership_nodes ORDER BY node_id;";

    // Takes the view header when the write is not older than the stored one (an equal one is a retry);
    // otherwise changes nothing and returns no row. The second statement reads the stored (epoch, sequence)
    // inside the same IMMEDIATE transaction, for the log line of an ignored write.
    public const string SaveView = """
        INSERT INTO ca_membership_views (observer_node_id, epoch, sequence, updated_at_us)
        VALUES ($observer, $epoch, $sequence, $updated)
        ON CONFLICT (observer_node_id) DO UPDATE
            SET epoch = excluded.epoch, sequence = excluded.sequence, updated_at_us = excluded.updated_at_us
            WHERE ca_membership_views.epoch < excluded.epoch
               OR (ca_membership_views.epoch = excluded.epoch AND ca_membership_views.sequence <= excluded.sequence)
        RETURNING 1;
        SELECT epoch, sequence FROM ca_membership_views WHERE observer_node_id = $observer;
        """;

    public const string DeleteViewStates = "DELETE FROM ca_membership_view_states WHERE observer_node_id = $observer;";

    public const string InsertViewState = """
        INSERT INTO ca_membership_view_states (observer_node_id, node_id, address, incarnation, state, transition, level, barrier)
        VALUES ($observer, $node, $address, $incarnation, $state, $transition, $level, $barrier);
        """;

    // One statement, so one snapshot: a view replaced meanwhile is seen whole or not at all. A view
    // without states still returns its header, with null state columns.
    public const string GetView = """
        SELECT v.epoch, v.sequence, v.updated_at_us,
               s.node_id, s.address, s.incarnation, s.state, s.transition, s.level, s.barrier
        FROM ca_membership_views AS v
        LEFT JOIN ca_membership_view_states AS s ON s.observer_node_id = v.observer_node_id
        WHERE v.observer_node_id = $observer
        ORDER BY s.node_id;
        """;
}
