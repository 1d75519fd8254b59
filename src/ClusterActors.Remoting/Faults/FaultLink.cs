namespace ClusterActors.Remoting;

/// <summary>One directed link of a <see cref="FaultInjector"/>: its current faults and the messages it holds back.</summary>
internal sealed class FaultLink
{
    private readonly TimeProvider time;
    private LinkFaults faults = LinkFaults.None;
    private DelayLine<HeldMessage>? held;

    public FaultLink(TimeProvider time) => this.time = time;

    /// <summary>The faults now in force; replaced whole, read without a lock.</summary>
    public LinkFaults Faults
    {
        get => Volatile.Read(ref faults);
        set => Volatile.Write(ref faults, value);
    }

    /// <summary>True when nothing this link held back in order is still waiting, so a message may pass at once.</summary>
    public bool IsClear => Volatile.Read(ref held) is not { } line || line.IsClear;

    /// <summary>The messages held back on this link, created on first use.</summary>
    public DelayLine<HeldMessage> Held
    {
        get
        {
            if (Volatile.Read(ref held) is { } line)
            {
                return line;
            }

            Interlocked.CompareExchange(ref held, new DelayLine<HeldMessage>(time, static message => message.Forward(message.Envelope)), null);
            return held;
        }
    }

    /// <summary>A message and where to forward it when its time comes.</summary>
    internal readonly record struct HeldMessage(OutboundEnvelope Envelope, Action<OutboundEnvelope> Forward);
}
