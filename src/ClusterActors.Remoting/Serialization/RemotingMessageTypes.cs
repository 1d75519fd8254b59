namespace ClusterActors.Remoting;

/// <summary>The type ids remoting reserves for itself (all start with <c>ca.</c>) and their registration.</summary>
public static class RemotingMessageTypes
{
    /// <summary>Remote death watch: watch.</summary>
    public const string Watch = "ca.watch";

    /// <summary>Remote death watch: unwatch.</summary>
    public const string Unwatch = "ca.unwatch";

    /// <summary>Remote death watch: the watched actor terminated.</summary>
    public const string DeathWatchNotification = "ca.terminated";

    /// <summary>Registers remoting's own message types in <paramref name="registry"/>, skipping those already there.</summary>
    public static void RegisterTo(MessageTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var json = RemotingJsonContext.Default;
        RegisterOnce(registry, Watch, json.RemoteWatch);
        RegisterOnce(registry, Unwatch, json.RemoteUnwatch);
        RegisterOnce(registry, DeathWatchNotification, json.RemoteDeathWatchNotification);
        RegisterOnce(registry, "ca.poison-pill", json.PoisonPillWire);
        RegisterOnce(registry, "ca.kill", json.KillWire);
        RegisterOnce(registry, "ca.status-failure", json.StatusFailureWire);
        RegisterOnce(registry, "ca.identify", json.IdentifyWire);
        RegisterOnce(registry, "ca.actor-identity", json.ActorIdentityWire);
    }

    private static void RegisterOnce<T>(MessageTypeRegistry registry, string typeId, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        if (!registry.TryGetByTypeId(typeId, out _))
        {
            registry.Register(typeId, typeInfo);
        }
    }
}
