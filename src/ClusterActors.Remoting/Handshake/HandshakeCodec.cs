using System.Buffers;
using System.Buffers.Binary;

namespace ClusterActors.Remoting;

/// <summary>
/// The handshake frame payloads. Hello (the Handshake payload, and the start of the HandshakeReply payload):
/// magic "CAct", u16 handshake format version, u16 protocol min, u16 protocol max, i64 incarnation,
/// 32-byte nonce, then node id, address and software version as wire strings. A reply appends u16
/// chosen version and a 32-byte proof; a HandshakeProof payload is the 32-byte proof alone. All big-endian.
/// </summary>
internal static class HandshakeCodec
{
    private const int MaxNodeIdBytes = NodeIds.MaxLength;
    private const int MaxAddressBytes = 512;
    private const int FixedHelloLength = 4 + 2 + 2 + 2 + 8 + WireProtocol.NonceSize;

    public static byte[] EncodeHello(NodeIdentity identity, ReadOnlySpan<byte> nonce)
    {
        var address = RemoteAddress.Format(identity.Address);
        var nodeIdBytes = WireStrings.ByteCount(identity.NodeId, "node id");
        var addressBytes = WireStrings.ByteCount(address, "address");
        var versionBytes = WireStrings.ByteCount(identity.SoftwareVersion, "software version");
        var bytes = new byte[FixedHelloLength + 2 + nodeIdBytes + 2 + addressBytes + 2 + versionBytes];
        var span = bytes.AsSpan();
        WireProtocol.Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], WireProtocol.HandshakeFormatVersion);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)identity.SupportedVersions.Min);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)identity.SupportedVersions.Max);
        BinaryPrimitives.WriteInt64BigEndian(span[10..], identity.Incarnation);
        nonce.CopyTo(span.Slice(18, WireProtocol.NonceSize));
        var rest = WireStrings.Write(span[FixedHelloLength..], identity.NodeId, nodeIdBytes);
        rest = WireStrings.Write(rest, address, addressBytes);
        WireStrings.Write(rest, identity.SoftwareVersion, versionBytes);
        return bytes;
    }

    public static byte[] EncodeReply(byte[] hello, int chosenVersion, ReadOnlySpan<byte> proof)
    {
        var bytes = new byte[hello.Length + 2 + WireProtocol.ProofSize];
        hello.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(hello.Length), (ushort)chosenVersion);
        proof.CopyTo(bytes.AsSpan(hello.Length + 2));
        return bytes;
    }

    /// <summary>Decodes a Handshake payload, which is a hello and nothing more.</summary>
    public static HandshakeHello DecodeHello(ReadOnlySequence<byte> payload)
    {
        var reader = new SequenceReader<byte>(payload);
        var hello = ReadHello(ref reader, payload);
        RequireEnd(reader, "Handshake");
        return hello;
    }

    /// <summary>Decodes a HandshakeReply payload: hello, chosen version, proof.</summary>
    public static (HandshakeHello Hello, int ChosenVersion, byte[] Proof) DecodeReply(ReadOnlySequence<byte> payload)
    {
        var reader = new SequenceReader<byte>(payload);
        var hello = ReadHello(ref reader, payload);
        if (!reader.TryReadBigEndian(out short chosen))
        {
            throw Malformed("the HandshakeReply ends before the chosen protocol version.");
        }

        var proof = ReadProof(ref reader, "HandshakeReply");
        RequireEnd(reader, "HandshakeReply");
        return (hello, (ushort)chosen, proof);
    }

    /// <summary>Decodes a HandshakeProof payload.</summary>
    public static byte[] DecodeProof(ReadOnlySequence<byte> payload)
    {
        var reader = new SequenceReader<byte>(payload);
        var proof = ReadProof(ref reader, "HandshakeProof");
        RequireEnd(reader, "HandshakeProof");
        return proof;
    }

    private static HandshakeHello ReadHello(ref SequenceReader<byte> reader, ReadOnlySequence<byte> payload)
    {
        Span<byte> magic = stackalloc byte[4];
        if (!reader.TryCopyTo(magic))
        {
            throw new HandshakeViolation(HandshakeRefusal.BadMagic, $"the handshake is {reader.Remaining} bytes long, too short to hold the magic \"CAct\".");
        }

        if (!magic.SequenceEqual(WireProtocol.Magic))
        {
            throw new HandshakeViolation(HandshakeRefusal.BadMagic, $"the magic is {Convert.ToHexString(magic)}, not 43416374 (\"CAct\"): the peer is not a ClusterActors node.");
        }

        reader.Advance(4);
        if (!reader.TryReadBigEndian(out short formatRaw))
        {
            throw Malformed("the handshake ends before its format version.");
        }

        var format = (ushort)formatRaw;
        if (format != WireProtocol.HandshakeFormatVersion)
        {
            throw new HandshakeViolation(HandshakeRefusal.UnsupportedHandshakeFormat, $"handshake format version {format} is not {WireProtocol.HandshakeFormatVersion}, the one this node reads.");
        }

        var nonce = new byte[WireProtocol.NonceSize];
        if (!reader.TryReadBigEndian(out short minRaw) || !reader.TryReadBigEndian(out short maxRaw)
            || !reader.TryReadBigEndian(out long incarnation) || !reader.TryCopyTo(nonce))
        {
            throw Malformed("the hello ends inside its fixed-size fields.");
        }

        reader.Advance(WireProtocol.NonceSize);
        string nodeId, addressText, softwareVersion;
        try
        {
            nodeId = WireStrings.Read(ref reader, "node id", MaxNodeIdBytes);
            addressText = WireStrings.Read(ref reader, "address", MaxAddressBytes);
            softwareVersion = WireStrings.Read(ref reader, "software version", NodeIdentity.MaxSoftwareVersionLength);
        }
        catch (MalformedFrameException error)
        {
            throw Malformed(error.Detail);
        }

        NodeIdentity identity;
        try
        {
            var range = new ProtocolVersionRange((ushort)minRaw, (ushort)maxRaw);
            identity = new NodeIdentity(nodeId, RemoteAddress.Parse(addressText), incarnation, softwareVersion, range);
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            throw Malformed(error.Message);
        }

        var encoded = payload.Slice(0, reader.Consumed).ToArray();
        return new HandshakeHello(identity, nonce, encoded);
    }

    private static byte[] ReadProof(ref SequenceReader<byte> reader, string frame)
    {
        var proof = new byte[WireProtocol.ProofSize];
        if (!reader.TryCopyTo(proof))
        {
            throw Malformed($"the {frame} holds {reader.Remaining} proof bytes, not {WireProtocol.ProofSize}.");
        }

        reader.Advance(WireProtocol.ProofSize);
        return proof;
    }

    private static void RequireEnd(SequenceReader<byte> reader, string frame)
    {
        if (!reader.End)
        {
            throw Malformed($"the {frame} has {reader.Remaining} unexpected bytes after its last field.");
        }
    }

    private static HandshakeViolation Malformed(string detail) => new(HandshakeRefusal.Malformed, detail);
}
