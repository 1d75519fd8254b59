using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ClusterActors.Remoting.Tests.Support;
using Xunit;

namespace ClusterActors.Remoting.Tests.Serialization;

public sealed class MessageSerializerTests
{
    private const string Recipient = "ca.tcp://sys@host:2552/user/echo";

    private readonly TestPeer peer = new();
    private readonly MessageTypeRegistry registry = new();
    private readonly MessageSerializer serializer;

    public MessageSerializerTests()
    {
        registry.Register("test.ping", TestMessagesContext.Default.Ping);
        registry.Register("test.pong", TestMessagesContext.Default.Pong);
        registry.Register("test.percentage", TestMessagesContext.Default.Percentage);
        serializer = new MessageSerializer(registry);
    }

    [Fact]
    public void A_registered_message_round_trips_under_its_stable_name_through_its_source_generated_context()
    {
        var serialized = serializer.Serialize(new Ping(7, "hello"));

        var back = serializer.Deserialize(View("test.ping", serialized.Payload), peer.Diagnostics);

        Assert.Equal("test.ping", serialized.TypeId);
        // Snake case is the context's naming policy: the payload went through the generated metadata.
        Assert.Equal("{\"sequence_number\":7,\"text\":\"hello\"}", Encoding.UTF8.GetString(serialized.Payload.Span));
        Assert.Equal(new Ping(7, "hello"), back);
        Assert.Equal(0, peer.Counters.UndeserializablePayloads);
    }

    [Fact]
    public void Serializing_into_a_buffer_writer_appends_the_payload_and_returns_the_type_id()
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write("prefix"u8);

        var typeId = serializer.Serialize(new Pong(3), output);

        Assert.Equal("test.pong", typeId);
        Assert.Equal("prefix{\"sequence_number\":3}", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void A_payload_split_across_segments_deserializes()
    {
        var payload = serializer.Serialize(new Ping(1, "日本語 text")).Payload.ToArray();
        for (var cut = 0; cut <= payload.Length; cut++)
        {
            var view = new EnvelopeView(Recipient, null, "test.ping", Sequences.Split(payload, [cut, cut + 2]));
            Assert.Equal(new Ping(1, "日本語 text"), serializer.Deserialize(view, peer.Diagnostics));
        }
    }

    [Fact]
    public void An_unknown_type_id_is_refused_naming_the_id_counted_and_logged_with_the_peer()
    {
        var error = Assert.Throws<UnknownMessageTypeException>(() => serializer.Deserialize(View("test.nope", "{}"u8.ToArray()), peer.Diagnostics));

        Assert.Equal("test.nope", error.TypeId);
        Assert.Contains("'test.nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains(peer.Label, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, peer.Counters.UnknownMessageTypes);
        Assert.Single(peer.Log.Lines(), line => line.Contains(peer.Label, StringComparison.Ordinal) && line.Contains("'test.nope'", StringComparison.Ordinal) && line.Contains(Recipient, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("test.ping", "not json")]
    [InlineData("test.ping", "")]
    [InlineData("test.ping", "{\"sequence_number\":\"seven\",\"text\":\"x\"}")]
    [InlineData("test.ping", "{\"sequence_number\":7}")]
    [InlineData("test.ping", "null")]
    [InlineData("test.ping", "{\"sequence_number\":7,\"text\":\"x\"} trailing")]
    [InlineData("test.ping", "{\"sequence_number\":7,\"text\":\"x\"}{}")]
    [InlineData("test.percentage", "{\"value\":101}")]
    public void A_payload_that_does_not_deserialize_is_refused_naming_the_type_id_and_the_error(string typeId, string json)
    {
        var error = Assert.Throws<UndeserializablePayloadException>(() => serializer.Deserialize(View(typeId, Encoding.UTF8.GetBytes(json)), peer.Diagnostics));

        Assert.Equal(typeId, error.TypeId);
        Assert.Contains($"'{typeId}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.InnerException!.Message, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, peer.Counters.UndeserializablePayloads);
        Assert.Single(peer.Log.Lines(), line => line.Contains(peer.Label, StringComparison.Ordinal) && line.Contains($"'{typeId}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Trailing_whitespace_after_the_message_is_fine()
    {
        Assert.Equal(new Pong(1), serializer.Deserialize(View("test.pong", "{\"sequence_number\":1}  \n"u8.ToArray()), peer.Diagnostics));
    }

    [Fact]
    public void Serializing_an_unregistered_type_is_refused_naming_the_type()
    {
        var error = Assert.Throws<UnregisteredMessageTypeException>(() => serializer.Serialize("just a string"));

        Assert.Equal(typeof(string), error.MessageType);
        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_one_name_twice_is_refused_at_registration()
    {
        var error = Assert.Throws<ArgumentException>(() => registry.Register("test.ping", TestMessagesContext.Default.Percentage));

        Assert.Contains("'test.ping' is already registered", error.Message, StringComparison.Ordinal);
        Assert.True(registry.TryGetByTypeId("test.ping", out var unchanged));
        Assert.Equal(typeof(Ping), unchanged.MessageType);
    }

    [Fact]
    public void Registering_one_type_under_two_names_is_refused_at_registration()
    {
        var error = Assert.Throws<ArgumentException>(() => registry.Register("test.ping.v2", TestMessagesContext.Default.Ping));

        Assert.Contains("already registered as 'test.ping'", error.Message, StringComparison.Ordinal);
        Assert.False(registry.TryGetByTypeId("test.ping.v2", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1starts.with.digit")]
    [InlineData("has space")]
    [InlineData("ClusterActors.Remoting.Tests.Support.Ping, ClusterActors.Remoting.Tests")]
    [InlineData("ünïcode")]
    public void Illegal_type_ids_are_refused_at_registration(string typeId)
    {
        var error = Assert.Throws<ArgumentException>(() => new MessageTypeRegistry().Register(typeId, TestMessagesContext.Default.Ping));

        Assert.Contains($"'{typeId}' is illegal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reflection_based_metadata_is_refused_at_registration()
    {
#pragma warning disable IL2026, IL3050 // The point of the test: reflection metadata must be refused.
        var reflection = (JsonTypeInfo<Ping>)new DefaultJsonTypeInfoResolver().GetTypeInfo(typeof(Ping), new JsonSerializerOptions());
#pragma warning restore IL2026, IL3050

        var error = Assert.Throws<ArgumentException>(() => new MessageTypeRegistry().Register("test.ping", reflection));

        Assert.Contains("not from a source-generated JsonSerializerContext", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_whose_options_chain_a_reflection_resolver_is_refused_at_registration()
    {
#pragma warning disable IL2026, IL3050 // The point of the test: a reflection fallback must be refused.
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(TestMessagesContext.Default, new DefaultJsonTypeInfoResolver()) };
#pragma warning restore IL2026, IL3050
        var chained = (JsonTypeInfo<Ping>)options.GetTypeInfo(typeof(Ping));

        var error = Assert.Throws<ArgumentException>(() => new MessageTypeRegistry().Register("test.ping", chained));

        Assert.Contains("DefaultJsonTypeInfoResolver", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookups_go_both_ways_and_list_every_registration()
    {
        Assert.True(registry.TryGetByTypeId("test.pong", out var byId));
        Assert.Equal(typeof(Pong), byId.MessageType);
        Assert.True(registry.TryGetByType(typeof(Ping), out var byType));
        Assert.Equal("test.ping", byType.TypeId);
        Assert.Equal(["test.percentage", "test.ping", "test.pong"], registry.Registrations.Select(r => r.TypeId).Order());
    }

    private static EnvelopeView View(string typeId, ReadOnlyMemory<byte> payload) => new(Recipient, null, typeId, new ReadOnlySequence<byte>(payload));
}
