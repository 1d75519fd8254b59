namespace ClusterActors.Remoting;

/// <summary>Which way a fault between two nodes applies, seen from the first node (Akka's TestConductor <c>Direction</c>).</summary>
public enum LinkDirection
{
    /// <summary>Messages from the first node to the second.</summary>
    Send,

    /// <summary>Messages from the second node to the first.</summary>
    Receive,

    /// <summary>Both ways.</summary>
    Both,
}
