namespace ClusterActors.Persistence.Devices;

/// <summary>
/// The SQL of the PostgreSQL quorum-device store. Each decision is one statement; the statements that
/// belong together run as one batch, which PostgreSQL executes as one implicit transaction.
/// </summary>
internal static class PostgresDeviceStatements
{
    // Advisory-lock namespace "CADV", so these locks never meet another application's (the schema lock
    // creators take turns on is PostgresDatabase.LockSchema).
    private const string DeviceLockNamespace = "1128350806";

    public static readonly string[] CreateTables =
    [
        """
        CREATE TABLE IF NOT EXISTS ca_device_reservations (
            device_id      text   NOT NULL PRIMARY KEY,
            holder_node_id text   NOT NULL,
            epoch          bigint NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS ca_device_fences (
            device_id         text   NOT NULL,
            node_id           text   NOT NULL,
            fenced_by_node_id text   NOT NULL,
            epoch             bigint NOT NULL,
            PRIMARY KEY (device_id, node_id)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS ca_device_data (
            device_id      text  NOT NULL,
            data_key       text  NOT NULL,
            value          bytea NOT NULL,
            writer_node_id text  NOT NULL,
            PRIMARY KEY (device_id, data_key)
        )
        """,
    ];

    // $1 device, $2 node, $3 epoch. A refused upsert still locks the conflicting row, so the read that
    // follows in the same transaction sees the holder that refused us.
    public const string Reserve = """
        INSERT INTO ca_device_reservations AS r (device_id, holder_node_id, epoch)
        VALUES ($1, $2, $3)
        ON CONFLICT (device_id) DO UPDATE
            SET holder_node_id = EXCLUDED.holder_node_id, epoch = EXCLUDED.epoch
            WHERE r.epoch < EXCLUDED.epoch
               OR (r.holder_node_id = EXCLUDED.holder_node_id AND r.epoch = EXCLUDED.epoch)
        RETURNING holder_node_id, epoch
        """;

    // $1 device.
    public const string GetReservation = "SELECT holder_node_id, epoch FROM ca_device_reservations WHERE device_id = $1";

    // $1 device. A fence takes the device's lock exclusively and a write shares it: the fence waits for
    // writes already under way, and a write after it starts its statement (and snapshot) after the fence
    // committed, so no write by the fenced node lands once FenceAsync has returned.
    public const string LockDeviceForFence = "SELECT pg_advisory_xact_lock(" + DeviceLockNamespace + ", hashtext($1))";

    // $1 device.
    public const string LockDeviceForWrite = "SELECT pg_advisory_xact_lock_shared(" + DeviceLockNamespace + ", hashtext($1))";

    // $1 device, $2 fenced node, $3 fencing node, $4 epoch.
    public const string Fence = """
        INSERT INTO ca_device_fences AS f (device_id, node_id, fenced_by_node_id, epoch)
        VALUES ($1, $2, $3, $4)
        ON CONFLICT (device_id, node_id) DO UPDATE
            SET fenced_by_node_id = EXCLUDED.fenced_by_node_id, epoch = EXCLUDED.epoch
            WHERE f.epoch < EXCLUDED.epoch
        """;

    // $1 device, $2 node, $3 epoch.
    public const string Unfence = "DELETE FROM ca_device_fences WHERE device_id = $1 AND node_id = $2 AND epoch <= $3";

    // $1 device, $2 node.
    public const string IsFenced = "SELECT EXISTS (SELECT 1 FROM ca_device_fences WHERE device_id = $1 AND node_id = $2)";

    // $1 device, $2 key, $3 value, $4 writer. The fence check and the write are one statement.
    public const string Write = """
        INSERT INTO ca_device_data AS d (device_id, data_key, value, writer_node_id)
        SELECT $1, $2, $3, $4
        WHERE NOT EXISTS (SELECT 1 FROM ca_device_fences WHERE device_id = $1 AND node_id = $4)
        ON CONFLICT (device_id, data_key) DO UPDATE
            SET value = EXCLUDED.value, writer_node_id = EXCLUDED.writer_node_id
        """;

    // $1 device, $2 key.
    public const string Read = "SELECT value FROM ca_device_data WHERE device_id = $1 AND data_key = $2";
}
