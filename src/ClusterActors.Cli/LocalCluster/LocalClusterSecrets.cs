using ClusterActors.Remoting;

namespace ClusterActors.Cli.LocalCluster;

/// <summary>Fresh random secrets for a local cluster: the cluster secret and the management token.</summary>
public static class LocalClusterSecrets
{
    /// <summary><paramref name="bytes"/> random bytes from <paramref name="random"/> as lowercase hex (easy to paste into a command line).</summary>
    public static string NewHex(IRandomSource random, int bytes = 16)
    {
        ArgumentNullException.ThrowIfNull(random);
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
