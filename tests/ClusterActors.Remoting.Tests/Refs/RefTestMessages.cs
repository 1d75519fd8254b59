using System.Text.Json.Serialization;
using ClusterActors.Actors;

namespace ClusterActors.Remoting.Tests.Refs;

/// <summary>Asks the receiver to send <paramref name="Text"/> to <paramref name="Target"/>: a ref inside a payload.</summary>
public sealed record SendTo([property: JsonConverter(typeof(ActorRefJsonConverter))] IActorRef Target, string Text);

/// <summary>A plain text message.</summary>
public sealed record Text(string Value);

/// <summary>A numbered message, for ordering.</summary>
public sealed record Numbered(int Number);

/// <summary>Asks the receiver to fail the asker.</summary>
public sealed record PleaseFail(string Why);

/// <summary>A message type no node registers.</summary>
public sealed record NotRegistered(int Value);

[JsonSerializable(typeof(SendTo))]
[JsonSerializable(typeof(Text))]
[JsonSerializable(typeof(Numbered))]
[JsonSerializable(typeof(PleaseFail))]
internal sealed partial class RefTestMessagesContext : JsonSerializerContext;

/// <summary>Registers the ref tests' messages.</summary>
internal static class RefTestMessages
{
    public static void Register(MessageTypeRegistry registry)
    {
        registry.Register("test.send-to", RefTestMessagesContext.Default.SendTo);
        registry.Register("test.text", RefTestMessagesContext.Default.Text);
        registry.Register("test.numbered", RefTestMessagesContext.Default.Numbered);
        registry.Register("test.please-fail", RefTestMessagesContext.Default.PleaseFail);
    }
}

/// <summary>Replies with what it gets; sends <see cref="SendTo"/> on; fails an asker on <see cref="PleaseFail"/>.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        Receive<SendTo>(message => message.Target.Tell(new Text(message.Text)));
        Receive<PleaseFail>(message => Sender.Tell(new Status.Failure(new InvalidOperationException(message.Why))));
        ReceiveAny(message => Sender.Tell(message));
    }
}
