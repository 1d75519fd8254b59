namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>The SQL of the PostgreSQL membership database: the same tables and decisions as the SQLite one, with timestamptz times.</summary>
internal static class PostgresMembershipStatements
{
    public static readonly string[] CreateTables =
    [
        """
        CREATE TABLE IF NOT EXISTS ca_membership_nodes (
            node_id          text        NOT NULL PRIMARY KEY,
            cluster_address  text        NOT NULL,
            management_url   text,
            last_incarnation bigint      NOT NULL,
            last_epoch       bigint      NOT NULL,
            updated_at       timestamptz NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS ca_membership_views (
            observer_node_id text        NOT NULL PRIMARY KEY,
            epoch            bigint      NOT NULL,
            sequence         bigint      NOT NULL,
            updated_at       timestamptz NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS ca_membership_view_states (
            observer_node_id text    NOT NULL,
            node_id          text    NOT NULL,
            address          text    NOT NULL,
            incarnation      bigint  NOT NULL,
            state            text    NOT NULL,
            transition       text,
            level            integer,
            barrier          integer,
            PRIMARY KEY (observer_node_id, node_id)
        )
        """,
    ];

    // $1 node, $2 address, $3 management url, $4 incarnation, $5 epoch, $6 updated at.
    public const string SaveNode = """
        INSERT INTO ca_membership_nodes (node_id, cluster_address, management_url, last_incarnation, last_epoch, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (node_id) DO UPDATE
            SET cluster_address = EXCLUDED.cluster_address, management_url = EXCLUDED.management_url,
                last_incarnation = EXCLUDED.last_incarnation, last_epoch = EXCLUDED.last_epoch,
                updated_at = EXCLUDED.updated_at
        """;

    private const string NodeColumns = "node_id, cluster_address, management_url, last_incarnation, last_epoch, updated_at";

    // $1 node.
    public const string GetNode = "SELECT " + NodeColumns + " FROM ca_membership_nodes WHERE node_id = $1";

    public const string ListNodes = "SELECT " + NodeColumns + " FROM ca_membership_nodes ORDER BY node_id COLLATE \"C\"";

    // $1 observer, $2 epoch, $3 sequence, $4 updated at. A row back means the write is not older than the
    // stored view. A refused upsert still locks the conflicting row, so the read that follows in the same
    // transaction sees the view that refused it, and a concurrent writer of the same observer waits for
    // this transaction to end.
    public const string SaveView = """
        INSERT INTO ca_membership_views AS v (observer_node_id, epoch, sequence, updated_at)
        VALUES ($1, $2, $3, $4)
        ON CONFLICT (observer_node_id) DO UPDATE
            SET epoch = EXCLUDED.epoch, sequence = EXCLUDED.sequence, updated_at = EXCLUDED.updated_at
            WHERE v.epoch < EXCLUDED.epoch OR (v.epoch = EXCLUDED.epoch AND v.sequence <= EXCLUDED.sequence)
        RETURNING 1
        """;

    // $1 observer.
    public const string GetViewHeader = "SELECT epoch, sequence FROM ca_membership_views WHERE observer_node_id = $1";

    // $1 observer.
    public const string DeleteViewStates = "DELETE FROM ca_membership_view_states WHERE observer_node_id = $1";

    // $1 observer, $2..$8 one array per column, one element per state: the whole view in one statement.
    public const string InsertViewStates = """
        INSERT INTO ca_membership_view_states (observer_node_id, node_id, address, incarnation, state, transition, level, barrier)
        SELECT $1, s.node_id, s.address, s.incarnation, s.state, s.transition, s.level, s.barrier
        FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::integer[], $8::integer[])
            AS s (node_id, address, incarnation, state, transition, level, barrier)
        """;

    // $1 observer. One statement, so one snapshot: a view replaced meanwhile is seen whole or not at all.
    public const string GetView = """
        SELECT v.epoch, v.sequence, v.updated_at,
               s.node_id, s.address, s.incarnation, s.state, s.transition, s.level, s.barrier
        FROM ca_membership_views AS v
        LEFT JOIN ca_membership_view_states AS s ON s.observer_node_id = v.observer_node_id
        WHERE v.observer_node_id = $1
        ORDER BY s.node_id COLLATE "C"
        """;
}
