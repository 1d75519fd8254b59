namespace ClusterActors.Remoting;

/// <summary>
/// The strings one connection keeps receiving (recipient and sender paths, type ids), answered from
/// their UTF-8 bytes without decoding or allocating again. Not thread-safe: one per connection reader.
/// </summary>
/// <remarks>
/// A small direct-mapped table: a string is cached in the slot its bytes hash to, replacing whatever
/// was there, so memory stays bounded whatever a peer sends. Only bytes that decoded as strict UTF-8
/// are cached, so a hit is exactly the string a fresh decode would give.
/// </remarks>
internal sealed class WireStringCache
{
    private const int Slots = 256;
    private const int MaxCachedBytes = 256;

    private readonly byte[]?[] keys = new byte[Slots][];
    private readonly string?[] values = new string[Slots];

    /// <summary>The string <paramref name="utf8"/> encodes; throws <see cref="System.Text.DecoderFallbackException"/> for invalid UTF-8, as a decode would.</summary>
    public string GetOrDecode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxCachedBytes)
        {
            return WireStrings.Strict.GetString(utf8);
        }

        var slot = (int)((uint)Hash(utf8) % Slots);
        if (keys[slot] is { } key && utf8.SequenceEqual(key))
        {
            return values[slot]!;
        }

        var value = WireStrings.Strict.GetString(utf8);
        keys[slot] = utf8.ToArray();
        values[slot] = value;
        return value;
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }
}
