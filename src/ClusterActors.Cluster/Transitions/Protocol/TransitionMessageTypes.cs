using System.Text.Json.Serialization;
using ClusterActors.Remoting;

namespace ClusterActors.Cluster.Transitions;

/// <summary>The wire type ids of the transition protocol, stable across versions (a rolling upgrade mixes them).</summary>
public static class TransitionMessageTypes
{
    /// <summary>Registers the transition messages in <paramref name="registry"/>.</summary>
    public static void RegisterTo(MessageTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var json = TransitionsJsonContext.Default;
        registry.Register("ca.transitions.round", json.TransitionRound);
        registry.Register("ca.transitions.acknowledged", json.StepsAcknowledged);
        registry.Register("ca.transitions.registrations", json.AnnounceRegistrations);
        registry.Register("ca.transitions.request-leave", json.RequestLeave);
        registry.Register("ca.transitions.leave-finished", json.LeaveFinished);
        registry.Register("ca.transitions.registrations-refused", json.RegistrationsRefused);
        registry.Register("ca.transitions.share-table", json.ShareTable);
        registry.Register("ca.transitions.shared-table", json.SharedTable);
        registry.Register("ca.transitions.get", json.GetTransitions);
        registry.Register("ca.transitions.snapshot", json.TransitionsSnapshot);
    }
}

/// <summary>Source-generated JSON for the transition wire messages; enums travel as names so a renumbering never changes their meaning.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(TransitionRound))]
[JsonSerializable(typeof(StepsAcknowledged))]
[JsonSerializable(typeof(AnnounceRegistrations))]
[JsonSerializable(typeof(RequestLeave))]
[JsonSerializable(typeof(LeaveFinished))]
[JsonSerializable(typeof(RegistrationsRefused))]
[JsonSerializable(typeof(ShareTable))]
[JsonSerializable(typeof(SharedTable))]
[JsonSerializable(typeof(GetTransitions))]
[JsonSerializable(typeof(TransitionsSnapshot))]
internal sealed partial class TransitionsJsonContext : JsonSerializerContext;
