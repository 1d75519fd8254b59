namespace ClusterActors.Persistence.Devices;

/// <summary>The SQL of the SQLite quorum-device store: each decision is one statement, so the database's write lock makes it atomic.</summary>
internal static class SqliteDeviceStatements
{
    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS ca_device_reservations (
            device_id      TEXT    NOT NULL PRIMARY KEY,
            holder_node_id TEXT    NOT NULL,
            epoch          INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS ca_device_fences (
            device_id         TEXT    NOT NULL,
            node_id           TEXT    NOT NULL,
            fenced_by_node_id TEXT    NOT NULL,
            epoch             INTEGER NOT NULL,
            PRIMARY KEY (device_id, node_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS ca_device_data (
            device_id      TEXT NOT NULL,
            data_key       TEXT NOT NULL,
            value          BLOB NOT NULL,
            writer_node_id TEXT NOT NULL,
            PRIMARY KEY (device_id, data_key)
        ) WITHOUT ROWID;
        """;

    // Takes the row when it is free, older, or already ours at this epoch; otherwise changes nothing and
    // returns no row. The second statement reads who holds it now, inside the same IMMEDIATE transaction.
    public const string Reserve = """
        INSERT INTO ca_device_reservations (device_id, holder_node_id, epoch)
        VALUES ($device, $node, $epoch)
        ON CONFLICT (device_id) DO UPDATE
            SET holder_node_id = excluded.holder_node_id, epoch = excluded.epoch
            WHERE ca_device_reservations.epoch < excluded.epoch
               OR (ca_device_reservations.holder_node_id = excluded.holder_node_id
                   AND ca_device_reservations.epoch = excluded.epoch)
        RETURNING holder_node_id, epoch;
        SELECT holder_node_id, epoch FROM ca_device_reservations WHERE device_id = $device;
        """;

    public const string GetReservation = "SELECT holder_node_id, epoch FROM ca_device_reservations WHERE device_id = $device;";

    public const string Fence = """
        INSERT INTO ca_device_fences (device_id, node_id, fenced_by_node_id, epoch)
        VALUES ($device, $node, $by, $epoch)
        ON CONFLICT (device_id, node_id) DO UPDATE
            SET fenced_by_node_id = excluded.fenced_by_node_id, epoch = excluded.epoch
            WHERE ca_device_fences.epoch < excluded.epoch;
        """;

    public const string Unfence = "DELETE FROM ca_device_fences WHERE device_id = $device AND node_id = $node AND epoch <= $epoch;";

    public const string IsFenced = "SELECT EXISTS (SELECT 1 FROM ca_device_fences WHERE device_id = $device AND node_id = $node);";

    // The fence check and the write are one statement: no fence can land between them.
    public const string Write = """
        INSERT INTO ca_device_data (device_id, data_key, value, writer_node_id)
        SELECT $device, $key, $value, $node
        WHERE NOT EXISTS (SELECT 1 FROM ca_device_fences WHERE device_id = $device AND node_id = $node)
        ON CONFLICT (device_id, data_key) DO UPDATE
            SET value = excluded.value, writer_node_id = excluded.writer_node_id;
        """;

    public const string Read = "SELECT value FROM ca_device_data WHERE device_id = $device AND data_key = $key;";
}
