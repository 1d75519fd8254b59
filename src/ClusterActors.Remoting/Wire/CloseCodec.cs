using System.Buffers;
using System.Text;

namespace ClusterActors.Remoting;

/// <summary>The layout of a Close frame's payload: a one-byte <see cref="CloseCode"/>, then the reason as UTF-8 to the end of the frame.</summary>
internal static class CloseCodec
{
    /// <summary>Longer reasons are cut (at a character boundary): a Close must always fit in a frame.</summary>
    public const int MaxReasonBytes = 512;

    public static byte[] Encode(CloseCode code, string reason)
    {
        var text = Truncate(reason);
        var bytes = new byte[1 + WireStrings.Strict.GetByteCount(text)];
        bytes[0] = (byte)code;
        WireStrings.Strict.GetBytes(text, bytes.AsSpan(1));
        return bytes;
    }

    public static CloseNotice Read(ReadOnlySequence<byte> payload)
    {
        if (payload.IsEmpty)
        {
            throw WireStrings.InvalidBody("the Close frame has no code.");
        }

        var code = (CloseCode)payload.FirstSpan[0];
        try
        {
            return new CloseNotice(code, WireStrings.Strict.GetString(payload.Slice(1)));
        }
        catch (DecoderFallbackException)
        {
            throw WireStrings.InvalidBody("the Close reason is not valid UTF-8.");
        }
    }

    private static string Truncate(string reason)
    {
        // Lone surrogates become U+FFFD here because the strict encoder would throw, and a Close must never fail.
        var text = reason;
        var builder = new StringBuilder(text.Length);
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var isPair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var width = isPair ? 4 : char.IsSurrogate(text[i]) ? 3 : text[i] < 0x80 ? 1 : text[i] < 0x800 ? 2 : 3;
            if (bytes + width > MaxReasonBytes)
            {
                break;
            }

            if (isPair)
            {
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }

            bytes += width;
        }

        return builder.ToString();
    }
}
