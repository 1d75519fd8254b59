using System.Buffers;

namespace ClusterActors.Remoting;

/// <summary>
/// One side of the handshake as a pure state machine: the transport feeds it the frames it decodes and
/// sends the frames it writes, until <see cref="Outcome"/> is accepted or refused.
/// </summary>
/// <remarks>
/// No sockets, no clocks: the transport owns the connection and the handshake timeout (it calls
/// <see cref="Abort(string)"/> when time runs out or the connection drops, and
/// <see cref="Abort(MalformedFrameException)"/> when its decoder refuses a frame). Every refusal is
/// counted and logged once through <see cref="Diagnostics"/>; a refusal this side decides also writes
/// a Close frame telling the peer why. Not thread-safe: one connection loop drives it.
/// </remarks>
public abstract class HandshakeParticipant
{
    private readonly IRandomSource random;

    private protected HandshakeParticipant(NodeIdentity local, ClusterSecret secret, IRandomSource random, PeerDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Local = local;
        Secret = secret;
        this.random = random;
        Diagnostics = diagnostics;
        Encoder = new FrameEncoder(FrameLimits.HandshakeMaxFrameSize, diagnostics);
    }

    /// <summary>This node's identity, as sent in its hello.</summary>
    public NodeIdentity Local { get; }

    /// <summary>Where refusals are counted and logged.</summary>
    public PeerDiagnostics Diagnostics { get; }

    /// <summary>Pending until the handshake is accepted or refused.</summary>
    public HandshakeOutcome Outcome { get; private set; } = HandshakePending.Instance;

    /// <summary>True once accepted or refused; no more frames may be fed in.</summary>
    public bool IsCompleted => Outcome.IsCompleted;

    private protected ClusterSecret Secret { get; }

    private protected FrameEncoder Encoder { get; }

    /// <summary>Feeds one frame from the peer; frames to send in answer are written to <paramref name="output"/>.</summary>
    /// <exception cref="InvalidOperationException">The handshake has completed, or (initiator) was not started.</exception>
    public HandshakeOutcome Receive(in Frame frame, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (IsCompleted)
        {
            throw new InvalidOperationException($"The handshake with {Diagnostics.Peer} has completed ({Outcome}); frames after it belong to the connection, not the handshake.");
        }

        try
        {
            return frame.Kind == FrameKind.Close ? RefusedByPeer(frame) : OnFrame(frame, output);
        }
        catch (HandshakeViolation violation)
        {
            return Refuse(violation.Reason, violation.Message, output);
        }
    }

    /// <summary>The transport's decoder refused a frame before the handshake completed.</summary>
    public HandshakeOutcome Abort(MalformedFrameException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return IsCompleted ? Outcome : Refuse(HandshakeRefusal.Malformed, $"a malformed frame ({error.Error}): {error.Detail}", null);
    }

    /// <summary>The transport gave up (timeout, connection lost) before the handshake completed; a completed handshake is left as it is.</summary>
    public HandshakeOutcome Abort(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return IsCompleted ? Outcome : Refuse(HandshakeRefusal.Aborted, reason, null);
    }

    private protected abstract HandshakeOutcome OnFrame(in Frame frame, IBufferWriter<byte> output);

    private protected byte[] NewNonce()
    {
        var nonce = new byte[WireProtocol.NonceSize];
        random.NextBytes(nonce);
        return nonce;
    }

    private protected void RequireNotOwnNodeId(NodeIdentity peer)
    {
        if (string.Equals(peer.NodeId, Local.NodeId, StringComparison.Ordinal))
        {
            throw new HandshakeViolation(HandshakeRefusal.OwnNodeId, $"the peer at {peer.Address} claims node id '{peer.NodeId}', which is this node's own.");
        }
    }

    private protected HandshakeOutcome Accept(NodeIdentity peer, int protocolVersion)
    {
        var accepted = new HandshakeAccepted(peer, protocolVersion);
        Outcome = accepted;
        Diagnostics.ReportHandshakeAccepted(peer, protocolVersion);
        return accepted;
    }

    private protected static HandshakeViolation Unexpected(FrameKind kind, string awaited) =>
        new(HandshakeRefusal.UnexpectedFrame, $"a {kind} frame arrived while awaiting {awaited}: nothing but the handshake may be sent before it completes.");

    private HandshakeRefused RefusedByPeer(in Frame frame)
    {
        CloseNotice notice;
        try
        {
            notice = CloseCodec.Read(frame.Payload);
        }
        catch (MalformedFrameException error)
        {
            throw new HandshakeViolation(HandshakeRefusal.Malformed, $"the peer's Close frame is malformed: {error.Detail}");
        }

        return Refuse(HandshakeRefusal.PeerRefused, $"the peer closed the connection ({notice.Code}): {notice.Reason}", null);
    }

    private HandshakeRefused Refuse(HandshakeRefusal reason, string detail, IBufferWriter<byte>? output)
    {
        var refused = new HandshakeRefused(reason, detail);
        Outcome = refused;
        Diagnostics.ReportHandshakeFailure(reason, detail);
        if (output is not null)
        {
            Encoder.WriteClose(output, CloseCode.HandshakeRefused, $"{reason}: {detail}");
        }

        return refused;
    }
}
