namespace ClusterActors.Persistence.MembershipDatabase;

/// <summary>The argument checks every membership database makes, so that all three refuse the same bad calls the same way.</summary>
internal static class MembershipArguments
{
    public static void Id(string value, string parameterName) => ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);

    public static void Node(NodeConfigurationRecord node, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(node, parameterName);
        Text(node.NodeId, parameterName, nameof(node.NodeId));
        Text(node.ClusterAddress, parameterName, nameof(node.ClusterAddress));
        OptionalText(node.ManagementUrl, parameterName, nameof(node.ManagementUrl));
        NotNegative(node.LastEpoch, parameterName, nameof(node.LastEpoch));
    }

    public static void States(TransitionStatesRecord states, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(states, parameterName);
        Text(states.ObserverNodeId, parameterName, nameof(states.ObserverNodeId));
        NotNegative(states.Epoch, parameterName, nameof(states.Epoch));
        NotNegative(states.Sequence, parameterName, nameof(states.Sequence));
        if (states.States is null)
        {
            throw new ArgumentException($"{nameof(states.States)} is null; an observer that sees no node writes an empty list", parameterName);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < states.States.Count; i++)
        {
            var field = $"{nameof(states.States)}[{i}]";
            var state = states.States[i] ?? throw new ArgumentException($"{field} is null", parameterName);
            Text(state.NodeId, parameterName, $"{field}.{nameof(state.NodeId)}");
            Text(state.Address, parameterName, $"{field}.{nameof(state.Address)}");
            Text(state.State, parameterName, $"{field}.{nameof(state.State)}");
            OptionalText(state.Transition, parameterName, $"{field}.{nameof(state.Transition)}");
            NotNegative(state.Level, parameterName, $"{field}.{nameof(state.Level)}");
            NotNegative(state.Barrier, parameterName, $"{field}.{nameof(state.Barrier)}");
            if (!seen.TryAdd(state.NodeId, i))
            {
                throw new ArgumentException($"{field}.{nameof(state.NodeId)} '{state.NodeId}' is already the node of {nameof(states.States)}[{seen[state.NodeId]}]; a view holds one state per node", parameterName);
            }
        }
    }

    private static void Text(string? value, string parameterName, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is empty", parameterName);
        }
    }

    private static void OptionalText(string? value, string parameterName, string field)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is blank; use null for none", parameterName);
        }
    }

    private static void NotNegative(long? value, string parameterName, string field)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{field} is negative");
        }
    }
}
