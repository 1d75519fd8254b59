using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterActors.Hocon;

namespace ClusterActors.Persistence.Devices;

/// <summary>Maps <c>clusteractors.cluster.quorum-devices</c> onto <see cref="QuorumDeviceSettings"/>; every bad value throws naming its key.</summary>
internal static class QuorumDeviceSettingsReader
{
    public const string Section = "clusteractors.cluster.quorum-devices";
    private const string DevicesField = "devices";
    public const string ProviderKey = Section + ".provider";
    public const string SqlitePathKey = Section + ".sqlite.path";
    public const string ConnectionStringKey = Section + ".postgresql.connection-string";
    public const string DevicesKey = Section + "." + DevicesField;
    public const string NoDeviceWinnerKey = Section + ".no-device-winner";

    public static QuorumDeviceSettings Read(HoconConfig config, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);

        var provider = ReadProvider(config);
        var sqlitePath = StoreSettingValues.SqlitePath(config, SqlitePathKey, provider == QuorumDeviceProvider.Sqlite, dataDirectory, "name the file the nodes of this host share");
        var connectionString = StoreSettingValues.ConnectionString(config, ConnectionStringKey, provider == QuorumDeviceProvider.PostgreSql);
        var devices = DeviceListReader.Read(config);

        var winner = config.GetString(NoDeviceWinnerKey).Trim();
        if (winner.Length == 0)
        {
            throw new ConfigurationValueException(NoDeviceWinnerKey, $"is empty; use \"{QuorumDeviceSettings.CrownPrinceWins}\", \"{QuorumDeviceSettings.NobodyWins}\" or a node id");
        }

        return new QuorumDeviceSettings(provider, sqlitePath, connectionString, devices, winner);
    }

    private static QuorumDeviceProvider ReadProvider(HoconConfig config)
    {
        var text = config.GetString(ProviderKey);
        return text.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => QuorumDeviceProvider.Sqlite,
            "POSTGRESQL" => QuorumDeviceProvider.PostgreSql,
            _ => throw new ConfigurationValueException(ProviderKey, $"'{text}' is not a quorum-device provider (\"sqlite\" or \"postgresql\")"),
        };
    }

    /// <summary>Reads <c>devices = [ { id = "disk-a", nodes = ["n1", "n2"] } ]</c>; errors name the element (<c>devices[1].nodes</c>).</summary>
    private static class DeviceListReader
    {
        private const string IdField = "id";
        private const string NodesField = "nodes";

        public static ImmutableArray<QuorumDeviceDefinition> Read(HoconConfig config)
        {
            if (!config.HasPath(DevicesKey))
            {
                throw new ConfigurationValueException(DevicesKey, "is missing; use [] for no devices");
            }

            // HoconConfig reads no lists of objects, but exports any subtree as JSON.
            var node = config.GetConfig(Section).ToJsonNode()?[DevicesField];
            if (node is not JsonArray list)
            {
                throw new ConfigurationValueException(DevicesKey, $"is {Describe(node)}, expected a list of {{ id = \"...\", nodes = [...] }} objects");
            }

            var devices = ImmutableArray.CreateBuilder<QuorumDeviceDefinition>(list.Count);
            var firstIndexOfId = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var element = Key(i);
                var device = ReadDevice(list[i], element);
                if (!firstIndexOfId.TryAdd(device.Id, i))
                {
                    throw new ConfigurationValueException($"{element}.{IdField}", $"'{device.Id}' is already the id of {Key(firstIndexOfId[device.Id])}; device ids must be unique");
                }

                devices.Add(device);
            }

            return devices.MoveToImmutable();
        }

        private static QuorumDeviceDefinition ReadDevice(JsonNode? node, string element)
        {
            if (node is not JsonObject fields)
            {
                throw new ConfigurationValueException(element, $"is {Describe(node)}, expected an object {{ id = \"...\", nodes = [...] }}");
            }

            foreach (var (name, _) in fields)
            {
                if (name is not (IdField or NodesField))
                {
                    throw new ConfigurationValueException($"{element}.{name}", $"is not a device setting (a device has \"{IdField}\" and \"{NodesField}\")");
                }
            }

            var idKey = $"{element}.{IdField}";
            var id = fields.TryGetPropertyValue(IdField, out var idNode)
                ? ScalarText(idNode, idKey).Trim()
                : throw new ConfigurationValueException(idKey, "is missing: every device needs an id");
            if (id.Length == 0)
            {
                throw new ConfigurationValueException(idKey, "is empty: every device needs an id");
            }

            var nodesKey = $"{element}.{NodesField}";
            if (!fields.TryGetPropertyValue(NodesField, out var nodesNode) || nodesNode is not JsonArray nodeList)
            {
                throw new ConfigurationValueException(nodesKey, $"is {Describe(nodesNode)}, expected the list of node ids that share device '{id}'");
            }

            var nodeIds = ImmutableArray.CreateBuilder<string>(nodeList.Count);
            for (var k = 0; k < nodeList.Count; k++)
            {
                var nodeKey = string.Create(CultureInfo.InvariantCulture, $"{nodesKey}[{k}]");
                var nodeId = ScalarText(nodeList[k], nodeKey).Trim();
                if (nodeId.Length == 0)
                {
                    throw new ConfigurationValueException(nodeKey, "is an empty node id");
                }

                if (nodeIds.Contains(nodeId, StringComparer.Ordinal))
                {
                    throw new ConfigurationValueException(nodeKey, $"lists node '{nodeId}' a second time for device '{id}'");
                }

                nodeIds.Add(nodeId);
            }

            if (nodeIds.Count < 2)
            {
                throw new ConfigurationValueException(nodesKey, $"lists {nodeIds.Count} node id(s) for device '{id}'; a device is shared by at least two nodes");
            }

            return new QuorumDeviceDefinition(id, nodeIds.MoveToImmutable());
        }

        private static string Key(int index) => string.Create(CultureInfo.InvariantCulture, $"{DevicesKey}[{index}]");

        // Like HoconConfig.GetString: numbers and booleans read as their text.
        private static string ScalarText(JsonNode? node, string key) => node is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
                _ => throw new ConfigurationValueException(key, $"is {Describe(node)}, expected a string"),
            }
            : throw new ConfigurationValueException(key, $"is {Describe(node)}, expected a string");

        private static string Describe(JsonNode? node) => node?.GetValueKind() switch
        {
            null or JsonValueKind.Null => "missing or null",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "a boolean",
        };
    }
}
