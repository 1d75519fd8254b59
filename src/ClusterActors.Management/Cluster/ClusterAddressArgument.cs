using System.Diagnostics.CodeAnalysis;
using ClusterActors.Actors;
using ClusterActors.Remoting;

namespace ClusterActors.Management.Cluster;

/// <summary>Reads a member address as an operator writes it: <c>ca.tcp://sys@host:port</c> or the short <c>sys@host:port</c>.</summary>
public static class ClusterAddressArgument
{
    /// <summary>The forms accepted, for error messages.</summary>
    public const string ExpectedForms = "expected ca.tcp://system@host:port (URL-encoded in a path) or system@host:port";

    /// <summary>Parses <paramref name="text"/>; false when it is neither form.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Address? address) =>
        TryParse(text, out address, out _);

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> names the input, the bad part and the expected forms.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Address? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        if (string.IsNullOrEmpty(text))
        {
            error = $"The member address is empty: {ExpectedForms}";
            return false;
        }

        var full = text.Contains("://", StringComparison.Ordinal) ? text : $"{RemoteAddress.TcpProtocol}://{text}";
        try
        {
            address = RemoteAddress.Parse(full);
            error = null;
            return true;
        }
        catch (RemoteAddressFormatException ex)
        {
            error = $"'{text}' is not a member address: the {PartName(ex.Part)} {ex.Reason.TrimEnd('.')}; {ExpectedForms}";
            return false;
        }
    }

    private static string PartName(RemoteAddressPart part) => part switch
    {
        RemoteAddressPart.Protocol => "protocol",
        RemoteAddressPart.System => "system name",
        RemoteAddressPart.Host => "host",
        _ => "port",
    };
}
