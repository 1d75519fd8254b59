namespace ClusterActors.Remoting;

/// <summary>On the wire: <paramref name="Watcher"/> (on the sending node) watches the recipient, <paramref name="Watchee"/>.</summary>
internal sealed record RemoteWatch(string Watchee, string Watcher);

/// <summary>On the wire: <paramref name="Watcher"/> no longer watches <paramref name="Watchee"/>, the recipient.</summary>
internal sealed record RemoteUnwatch(string Watchee, string Watcher);

/// <summary>On the wire, to a watcher: <paramref name="Actor"/> stopped (or never existed, when <paramref name="ExistenceConfirmed"/> is false).</summary>
internal sealed record RemoteDeathWatchNotification(string Actor, bool ExistenceConfirmed);
