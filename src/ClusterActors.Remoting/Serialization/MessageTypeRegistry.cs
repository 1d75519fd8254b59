using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ClusterActors.Remoting;

/// <summary>Maps stable type ids to message types and back, so nodes of different software versions agree on what a payload is.</summary>
/// <remarks>
/// Ids are names chosen once and never reused for another meaning (never CLR type names, which change
/// with refactoring). One id names one type and one type has one id; both are checked at
/// registration. Only metadata from a source-generated <see cref="JsonSerializerContext"/> is accepted,
/// so no payload is ever (de)serialized by reflection. Lookups are lock-free; register at startup.
/// </remarks>
public sealed class MessageTypeRegistry
{
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, MessageTypeRegistration> byTypeId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, MessageTypeRegistration> byType = new();

    /// <summary>Every registration, in no particular order.</summary>
    public IReadOnlyCollection<MessageTypeRegistration> Registrations => [.. byTypeId.Values];

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="typeId"/>, (de)serialized with <paramref name="typeInfo"/> (e.g. <c>MyContext.Default.Ping</c>).</summary>
    /// <exception cref="ArgumentException">The id is illegal or taken, the type already has an id, the type is not concrete, or the metadata is not source-generated.</exception>
    public void Register<T>(string typeId, JsonTypeInfo<T> typeInfo)
    {
        MessageTypeIds.Validate(typeId);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var type = typeof(T);
        if (type.IsAbstract || type.IsInterface || type == typeof(object))
        {
            throw new ArgumentException($"Cannot register '{typeId}' for {type}: messages are looked up by their exact runtime type, so register concrete types.", nameof(typeInfo));
        }

        RequireSourceGenerated(typeId, type, typeInfo);
        var registration = new MessageTypeRegistration(typeId, type, typeInfo);
        lock (gate)
        {
            if (byTypeId.TryGetValue(typeId, out var taken))
            {
                throw new ArgumentException($"Message type id '{typeId}' is already registered for {taken.MessageType}; cannot register it for {type} too.", nameof(typeId));
            }

            if (byType.TryGetValue(type, out var named))
            {
                throw new ArgumentException($"{type} is already registered as '{named.TypeId}'; cannot register it as '{typeId}' too.", nameof(typeId));
            }

            byType[type] = registration;
            byTypeId[typeId] = registration;
        }
    }

    /// <summary>The registration for a type id received from the wire.</summary>
    public bool TryGetByTypeId(string typeId, [NotNullWhen(true)] out MessageTypeRegistration? registration) =>
        byTypeId.TryGetValue(typeId, out registration);

    /// <summary>The registration for a message's exact runtime type.</summary>
    public bool TryGetByType(Type messageType, [NotNullWhen(true)] out MessageTypeRegistration? registration) =>
        byType.TryGetValue(messageType, out registration);

    private static void RequireSourceGenerated(string typeId, Type type, JsonTypeInfo typeInfo)
    {
        if (typeInfo.OriginatingResolver is not JsonSerializerContext)
        {
            throw new ArgumentException(
                $"Cannot register '{typeId}' for {type}: its JsonTypeInfo comes from {Describe(typeInfo.OriginatingResolver)}, not from a source-generated JsonSerializerContext. Pass e.g. MyJsonContext.Default.{type.Name}.",
                nameof(typeInfo));
        }

        // A context's options can chain other resolvers; a reflection one there would serve nested types.
        foreach (var resolver in typeInfo.Options.TypeInfoResolverChain)
        {
            if (resolver is not JsonSerializerContext)
            {
                throw new ArgumentException(
                    $"Cannot register '{typeId}' for {type}: its options chain {Describe(resolver)}, which is not a source-generated JsonSerializerContext.",
                    nameof(typeInfo));
            }
        }
    }

    private static string Describe(IJsonTypeInfoResolver? resolver) => resolver is null ? "no resolver" : resolver.GetType().FullName ?? resolver.GetType().Name;
}
