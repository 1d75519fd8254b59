using System.Net;
using System.Net.Sockets;

namespace ClusterActors.Cli.LocalCluster;

/// <summary>Checks and picks loopback TCP ports for a local cluster, whose seed list needs every port known before any node starts.</summary>
public static class LocalPorts
{
    /// <summary>True when nothing listens on <paramref name="address"/>:<paramref name="port"/> (checked by binding it for a moment).</summary>
    public static bool IsFree(IPAddress address, int port)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(address, port));
            probe.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// <paramref name="count"/> distinct ports the operating system hands out for port 0, all bound at
    /// the same time and then released: for tests and benchmarks that run beside others. A port could
    /// still be taken between the release and a node's bind; the node then exits naming it.
    /// </summary>
    public static IReadOnlyList<int> PickFree(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    /// <summary>The first port of a run of <paramref name="count"/> consecutive free loopback ports (for the consecutive layout of clusterctl local-cluster).</summary>
    public static int PickFreeRange(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = PickFree(1)[0];
            if (first + count - 1 <= 65535 && Enumerable.Range(first, count).All(port => IsFree(IPAddress.Loopback, port)))
            {
                return first;
            }
        }

        throw new LocalClusterException($"found no {count} consecutive free loopback ports in 50 attempts");
    }
}
