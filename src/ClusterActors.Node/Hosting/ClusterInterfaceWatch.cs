using System.Net;
using System.Net.NetworkInformation;

namespace ClusterActors.Node.Hosting;

/// <summary>
/// The network-down trigger (SPEC S4, sync): when the interface that carries the cluster address goes
/// down or loses the address, the node can no longer reach anyone, so it sends its distress while the
/// other interfaces still route it, instead of letting the members wait out the timeout.
/// </summary>
/// <remarks>
/// Only a node bound to one specific, non-loopback address is watched: loopback does not go down, and
/// a wildcard bind has no single interface to lose.
/// </remarks>
internal sealed class ClusterInterfaceWatch : IDisposable
{
    private readonly IPAddress bound;
    private readonly Action<string> networkDown;
    private int fired;

    private ClusterInterfaceWatch(IPAddress bound, Action<string> networkDown)
    {
        this.bound = bound;
        this.networkDown = networkDown;
        NetworkChange.NetworkAddressChanged += OnAddressChanged;
    }

    /// <summary>Watches <paramref name="hostname"/>'s interface, or returns null when it is not one specific, non-loopback address.</summary>
    public static ClusterInterfaceWatch? Start(string hostname, Action<string> networkDown)
    {
        ArgumentNullException.ThrowIfNull(networkDown);
        return IPAddress.TryParse(hostname, out var address) && IsWatchable(address) ? new ClusterInterfaceWatch(address, networkDown) : null;
    }

    /// <summary>True for an address whose interface can go down under the node.</summary>
    public static bool IsWatchable(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return !IPAddress.IsLoopback(address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any);
    }

    /// <summary>Why <paramref name="bound"/> is unreachable now, or null while an interface that is up still carries it.</summary>
    public static string? WhyDown(IPAddress bound, IEnumerable<(string Name, OperationalStatus Status, IReadOnlyCollection<IPAddress> Addresses)> interfaces)
    {
        ArgumentNullException.ThrowIfNull(bound);
        ArgumentNullException.ThrowIfNull(interfaces);
        var carrying = interfaces.Where(i => i.Addresses.Contains(bound)).ToList();
        if (carrying.Count == 0)
        {
            return $"no interface carries the cluster address {bound} any more";
        }

        return carrying.Any(i => i.Status == OperationalStatus.Up)
            ? null
            : $"the interface carrying the cluster address {bound} ({string.Join(", ", carrying.Select(i => $"{i.Name} {i.Status}"))}) is down";
    }

    /// <inheritdoc />
    public void Dispose() => NetworkChange.NetworkAddressChanged -= OnAddressChanged;

    private void OnAddressChanged(object? sender, EventArgs e)
    {
        var interfaces = NetworkInterface.GetAllNetworkInterfaces()
            .Select(i => (i.Name, i.OperationalStatus, (IReadOnlyCollection<IPAddress>)[.. i.GetIPProperties().UnicastAddresses.Select(u => u.Address)]));
        if (WhyDown(bound, interfaces) is { } why && Interlocked.Exchange(ref fired, 1) == 0)
        {
            networkDown(why);
        }
    }
}
