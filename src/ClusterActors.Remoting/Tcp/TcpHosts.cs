using System.Net;
using System.Net.Sockets;

namespace ClusterActors.Remoting;

/// <summary>What the transport needs to know about a configured host name: is it loopback, and which IP address to listen on.</summary>
internal static class TcpHosts
{
    /// <summary>True for <c>localhost</c> and loopback IP literals; any other name counts as reachable from elsewhere.</summary>
    public static bool IsLoopback(string hostname)
    {
        var host = hostname.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>The address to listen on for <paramref name="hostname"/>: the literal itself, or the first address the name resolves to (IPv4 preferred).</summary>
    public static async Task<IPAddress> ResolveAsync(string hostname, CancellationToken cancellationToken)
    {
        var host = hostname.Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip))
        {
            return ip;
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new IOException($"Host name '{hostname}' resolves to no address to listen on.");
    }
}
