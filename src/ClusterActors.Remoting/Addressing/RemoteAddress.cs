using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ClusterActors.Actors;

namespace ClusterActors.Remoting;

/// <summary>Parses, builds and validates remote addresses <c>ca.tcp://system@host:port</c> on top of the kernel's <see cref="Address"/>.</summary>
/// <remarks>
/// Hosts compare case-insensitively on the network, but <see cref="Address"/> compares ordinally, so
/// host names are kept in lower case: one peer never shows up as two. IPv6 literals are kept in
/// brackets (<c>[::1]</c>) so that the address stays unambiguous when printed.
/// </remarks>
public static class RemoteAddress
{
    /// <summary>The protocol of every remote address.</summary>
    public const string TcpProtocol = "ca.tcp";

    /// <summary>The longest system name a remote address may carry (so that an address always fits in a handshake).</summary>
    public const int MaxSystemNameLength = 128;

    private const int MaxHostLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="RemoteAddressFormatException"/> naming the text and the bad part.</summary>
    public static Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var address, out var error) ? address : throw error;
    }

    /// <summary>Parses <paramref name="text"/>, returning false (and no exception) when it is not a remote address.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Address? address)
    {
        if (text is null)
        {
            address = null;
            return false;
        }

        return TryParse(text, out address, out _);
    }

    /// <summary>Builds a validated remote address; an unbracketed IPv6 host is accepted and bracketed.</summary>
    public static Address Create(string system, string host, int port)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(host);
        var bracketed = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
        var text = string.Create(CultureInfo.InvariantCulture, $"{TcpProtocol}://{system}@{bracketed}:{port}");
        if (!IsValidSystemName(system))
        {
            throw SystemError(text, system);
        }

        if (port is < 1 or > 65535)
        {
            throw new RemoteAddressFormatException(text, RemoteAddressPart.Port, $"{port} is outside 1..65535.");
        }

        return new Address(TcpProtocol, system, NormalizeHost(text, bracketed), port);
    }

    /// <summary>Throws <see cref="RemoteAddressFormatException"/> unless <paramref name="address"/> is a valid remote address in canonical form.</summary>
    public static void Validate(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = address.ToString();
        if (!string.Equals(address.Protocol, TcpProtocol, StringComparison.Ordinal))
        {
            throw new RemoteAddressFormatException(text, RemoteAddressPart.Protocol, $"'{address.Protocol}' is not '{TcpProtocol}'.");
        }

        if (address.Host is null || address.Port is null)
        {
            throw new RemoteAddressFormatException(text, address.Host is null ? RemoteAddressPart.Host : RemoteAddressPart.Port, "is missing.");
        }

        var parsed = Parse(text);
        if (!parsed.Equals(address))
        {
            throw new RemoteAddressFormatException(text, RemoteAddressPart.Host, $"'{address.Host}' is not in canonical form (expected '{parsed.Host}').");
        }
    }

    /// <summary>True when <paramref name="address"/> is a valid remote address in canonical form.</summary>
    public static bool IsValid(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Host is not null && address.Port is not null
            && TryParse(address.ToString(), out var parsed, out _) && parsed.Equals(address);
    }

    /// <summary>The validated text form, e.g. <c>ca.tcp://sys@host:2552</c>.</summary>
    public static string Format(Address address)
    {
        Validate(address);
        return address.ToString();
    }

    /// <summary>The host as a socket API wants it: an IPv6 literal without its brackets.</summary>
    public static string SocketHost(Address address)
    {
        Validate(address);
        var host = address.Host!;
        return host.StartsWith('[') ? host[1..^1] : host;
    }

    private static bool TryParse(string text, [NotNullWhen(true)] out Address? address, [NotNullWhen(false)] out RemoteAddressFormatException? error)
    {
        address = null;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            error = new RemoteAddressFormatException(text, RemoteAddressPart.Protocol, $"is missing: expected '{TcpProtocol}://'.");
            return false;
        }

        var protocol = text[..schemeEnd];
        if (!string.Equals(protocol, TcpProtocol, StringComparison.Ordinal))
        {
            error = new RemoteAddressFormatException(text, RemoteAddressPart.Protocol, $"'{protocol}' is not '{TcpProtocol}'.");
            return false;
        }

        var rest = text[(schemeEnd + 3)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            error = new RemoteAddressFormatException(text, RemoteAddressPart.Host, "is missing: expected 'system@host:port'.");
            return false;
        }

        var system = rest[..at];
        if (!IsValidSystemName(system))
        {
            error = SystemError(text, system);
            return false;
        }

        var hostPort = rest[(at + 1)..];
        var slash = hostPort.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            error = new RemoteAddressFormatException(text, RemoteAddressPart.Port, $"is followed by '{hostPort[slash..]}': an address ends at the port (parse actor paths with ActorPath.Parse).");
            return false;
        }

        if (!TrySplitHostPort(text, hostPort, out var host, out var portText, out error))
        {
            return false;
        }

        if (!TryParsePort(text, portText, out var port, out error))
        {
            return false;
        }

        try
        {
            address = new Address(TcpProtocol, system, NormalizeHost(text, host), port);
            error = null;
            return true;
        }
        catch (RemoteAddressFormatException hostError)
        {
            error = hostError;
            return false;
        }
    }

    private static bool TrySplitHostPort(string text, string hostPort, out string host, out string portText, [NotNullWhen(false)] out RemoteAddressFormatException? error)
    {
        host = string.Empty;
        portText = string.Empty;
        int colon;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = new RemoteAddressFormatException(text, RemoteAddressPart.Host, $"'{hostPort}' opens '[' without closing ']'.");
                return false;
            }

            colon = close + 1 < hostPort.Length && hostPort[close + 1] == ':' ? close + 1 : -1;
        }
        else
        {
            colon = hostPort.LastIndexOf(':');
        }

        if (colon < 0)
        {
            error = new RemoteAddressFormatException(text, RemoteAddressPart.Port, "is missing: expected 'host:port'.");
            return false;
        }

        host = hostPort[..colon];
        portText = hostPort[(colon + 1)..];
        if (host.Length == 0)
        {
            error = new RemoteAddressFormatException(text, RemoteAddressPart.Host, "is empty.");
            return false;
        }

        if (!host.StartsWith('[') && host.Contains(':', StringComparison.Ordinal))
        {
            error = new RemoteAddressFormatException(text, RemoteAddressPart.Host, $"'{host}' looks like an IPv6 literal: write it in brackets, e.g. '[::1]:2552'.");
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryParsePort(string text, string portText, out int port, [NotNullWhen(false)] out RemoteAddressFormatException? error)
    {
        port = 0;
        var digitsOnly = portText.Length is > 0 and <= 5 && portText.All(char.IsAsciiDigit);
        if (!digitsOnly || (portText.Length > 1 && portText[0] == '0'))
        {
            error = new RemoteAddressFormatException(text, RemoteAddressPart.Port, $"'{portText}' is not a decimal number 1..65535 (no sign, no leading zeros).");
            return false;
        }

        port = int.Parse(portText, NumberStyles.None, CultureInfo.InvariantCulture);
        if (port is < 1 or > 65535)
        {
            error = new RemoteAddressFormatException(text, RemoteAddressPart.Port, $"{port} is outside 1..65535 (port 0 only means 'any' when binding, never in an address).");
            return false;
        }

        error = null;
        return true;
    }

    private static string NormalizeHost(string text, string host)
    {
        if (host.StartsWith('['))
        {
            var inner = host.EndsWith(']') ? host[1..^1] : string.Empty;
            if (!IPAddress.TryParse(inner, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6 || inner.Contains('%', StringComparison.Ordinal))
            {
                throw new RemoteAddressFormatException(text, RemoteAddressPart.Host, $"'{host}' is not an IPv6 literal (scope ids are not supported).");
            }

            return $"[{ip}]";
        }

        if (host.Length > MaxHostLength)
        {
            throw new RemoteAddressFormatException(text, RemoteAddressPart.Host, $"is {host.Length} characters long; at most {MaxHostLength} are allowed.");
        }

        var labels = host.Split('.');
        foreach (var label in labels)
        {
            if (!IsValidLabel(label))
            {
                throw new RemoteAddressFormatException(text, RemoteAddressPart.Host, $"'{host}' is neither a DNS name nor an IPv4 address: label '{label}' must be 1..{MaxLabelLength} letters, digits or '-', not starting or ending with '-'.");
            }
        }

        if (labels.All(label => label.All(char.IsAsciiDigit)))
        {
            // All-numeric names are IPv4 literals; a shortened or out-of-range one would resolve to something unexpected.
            if (labels.Length != 4 || !IPAddress.TryParse(host, out var ipv4) || !string.Equals(ipv4.ToString(), host, StringComparison.Ordinal))
            {
                throw new RemoteAddressFormatException(text, RemoteAddressPart.Host, $"'{host}' is not an IPv4 address in dotted-decimal form (four numbers 0..255, no leading zeros).");
            }
        }

        return host.ToLowerInvariant();
    }

    private static bool IsValidLabel(string label) =>
        label.Length is > 0 and <= MaxLabelLength
        && label[0] != '-' && label[^1] != '-'
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static bool IsValidSystemName(string system) => system.Length <= MaxSystemNameLength && ActorSystem.IsValidName(system);

    private static RemoteAddressFormatException SystemError(string text, string system) =>
        new(text, RemoteAddressPart.System, system.Length switch
        {
            0 => "is empty.",
            > MaxSystemNameLength => $"is {system.Length} characters long; at most {MaxSystemNameLength} are allowed.",
            _ => $"'{system}' is not allowed: use letters, digits, '-' and '_', starting with a letter or digit.",
        });
}
