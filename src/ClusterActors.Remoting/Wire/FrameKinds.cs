namespace ClusterActors.Remoting;

/// <summary>Which frame kind bytes this node understands.</summary>
internal static class FrameKinds
{
    public static bool IsKnown(byte kind) => kind is >= (byte)FrameKind.Handshake and <= (byte)FrameKind.Close;
}
