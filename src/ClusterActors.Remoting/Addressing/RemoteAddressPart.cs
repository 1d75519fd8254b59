namespace ClusterActors.Remoting;

/// <summary>The part of a remote address <c>ca.tcp://system@host:port</c> that a parse error is about.</summary>
public enum RemoteAddressPart
{
    /// <summary>The <c>ca.tcp://</c> scheme.</summary>
    Protocol,

    /// <summary>The actor system name before the <c>@</c>.</summary>
    System,

    /// <summary>The host name or IP literal.</summary>
    Host,

    /// <summary>The port after the last <c>:</c>.</summary>
    Port,
}
