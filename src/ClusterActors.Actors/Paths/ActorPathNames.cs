namespace ClusterActors.Actors;

/// <summary>Rules for actor names: what a user may choose, and the names the kernel generates.</summary>
internal static class ActorPathNames
{
    private const string GeneratedPrefix = "$";
    private const string Base64Chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    public static void Validate(string name, bool allowGenerated)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw new InvalidActorNameException("An actor name must not be empty.");
        }

        if (!allowGenerated && name.StartsWith(GeneratedPrefix, StringComparison.Ordinal))
        {
            throw new InvalidActorNameException($"Actor name '{name}' is illegal: names starting with '$' are reserved for generated names.");
        }

        foreach (var c in name)
        {
            if (!IsValidChar(c))
            {
                throw new InvalidActorNameException($"Actor name '{name}' is illegal: character '{c}' is not allowed (use letters, digits and -_.*$+:@&=,!~';).");
            }
        }
    }

    public static string Generated(long number)
    {
        Span<char> buffer = stackalloc char[12];
        var length = 0;
        do
        {
            buffer[length++] = Base64Chars[(int)(number & 63)];
            number >>= 6;
        }
        while (number > 0);

        return GeneratedPrefix + new string(buffer[..length]);
    }

    private static bool IsValidChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "-_.*$+:@&=,!~';".Contains(c, StringComparison.Ordinal);
}
