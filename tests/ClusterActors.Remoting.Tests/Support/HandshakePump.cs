using System.Buffers;
using Xunit;

namespace ClusterActors.Remoting.Tests.Support;

/// <summary>
/// Plays the transport between an initiator and a responder: frames written by one side are decoded
/// and fed to the other until neither has anything left to say. Records every frame for replays.
/// </summary>
public sealed class HandshakePump
{
    public HandshakePump(HandshakeInitiator initiator, HandshakeResponder responder)
    {
        Initiator = initiator;
        Responder = responder;
    }

    public HandshakeInitiator Initiator { get; }

    public HandshakeResponder Responder { get; }

    /// <summary>Raw frames (length prefix included) the initiator sent, in order.</summary>
    public List<byte[]> InitiatorFrames { get; } = [];

    /// <summary>Raw frames the responder sent, in order.</summary>
    public List<byte[]> ResponderFrames { get; } = [];

    public void Run()
    {
        var toResponder = new ArrayBufferWriter<byte>();
        var toInitiator = new ArrayBufferWriter<byte>();
        Initiator.Start(toResponder);
        for (var round = 0; round < 10 && (toResponder.WrittenCount > 0 || toInitiator.WrittenCount > 0); round++)
        {
            Deliver(toResponder, Responder, toInitiator, InitiatorFrames, Responder.Diagnostics);
            Deliver(toInitiator, Initiator, toResponder, ResponderFrames, Initiator.Diagnostics);
        }
    }

    /// <summary>Feeds raw recorded frames to <paramref name="participant"/>; returns what it wrote back.</summary>
    public static List<byte[]> Feed(HandshakeParticipant participant, IEnumerable<byte[]> frames)
    {
        var replies = new List<byte[]>();
        var output = new ArrayBufferWriter<byte>();
        foreach (var raw in frames)
        {
            if (participant.IsCompleted)
            {
                break;
            }

            var buffer = new ReadOnlySequence<byte>(raw);
            var decoder = new FrameDecoder(FrameLimits.HandshakeMaxFrameSize, participant.Diagnostics);
            Assert.True(decoder.TryReadFrame(ref buffer, out var frame));
            participant.Receive(frame, output);
            replies.AddRange(SplitFrames(output.WrittenSpan.ToArray()));
            output.Clear();
        }

        return replies;
    }

    /// <summary>Cuts a byte stream of whole frames into one array per frame.</summary>
    public static List<byte[]> SplitFrames(byte[] stream)
    {
        var frames = new List<byte[]>();
        var offset = 0;
        while (offset < stream.Length)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(stream.AsSpan(offset));
            frames.Add(stream[offset..(offset + 4 + length)]);
            offset += 4 + length;
        }

        return frames;
    }

    private static void Deliver(ArrayBufferWriter<byte> wire, HandshakeParticipant receiver, ArrayBufferWriter<byte> answer, List<byte[]> record, PeerDiagnostics diagnostics)
    {
        if (wire.WrittenCount == 0)
        {
            return;
        }

        var bytes = wire.WrittenSpan.ToArray();
        wire.Clear();
        record.AddRange(SplitFrames(bytes));
        var buffer = new ReadOnlySequence<byte>(bytes);
        var decoder = new FrameDecoder(FrameLimits.HandshakeMaxFrameSize, diagnostics);
        while (!receiver.IsCompleted && decoder.TryReadFrame(ref buffer, out var frame))
        {
            receiver.Receive(frame, answer);
        }
    }
}
