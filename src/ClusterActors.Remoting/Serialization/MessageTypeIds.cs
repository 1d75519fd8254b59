namespace ClusterActors.Remoting;

/// <summary>The rules for a stable message type id such as <c>cluster.membership.join</c>.</summary>
public static class MessageTypeIds
{
    /// <summary>The longest type id allowed, in characters (all ASCII, so also in bytes).</summary>
    public const int MaxLength = 128;

    /// <summary>True when <paramref name="typeId"/> is 1..128 ASCII letters, digits, '.', '-' or '_', starting with a letter.</summary>
    public static bool IsValid(string? typeId) =>
        typeId is { Length: > 0 and <= MaxLength }
        && char.IsAsciiLetter(typeId[0])
        && typeId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="typeId"/> unless it is valid.</summary>
    public static void Validate(string typeId)
    {
        ArgumentNullException.ThrowIfNull(typeId);
        if (!IsValid(typeId))
        {
            throw new ArgumentException(
                $"Message type id '{typeId}' is illegal: use 1..{MaxLength} ASCII letters, digits, '.', '-' or '_', starting with a letter (e.g. 'cluster.membership.join').",
                nameof(typeId));
        }
    }
}
