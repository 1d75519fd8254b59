using System.Globalization;
using System.Text;

namespace ClusterActors.Actors;

/// <summary>The name of an actor: the system's <see cref="Address"/>, the path elements from the root, and the incarnation <see cref="Uid"/>.</summary>
/// <remarks>
/// Like Akka, equality compares address and elements only: a path names a place in the tree, while
/// two incarnations at that place are told apart by their refs (whose equality adds the Uid).
/// </remarks>
public sealed class ActorPath : IEquatable<ActorPath>
{
    /// <summary>The Uid of a path that names no particular incarnation.</summary>
    public const long UndefinedUid = 0;

    private string? serializationFormat;

    private ActorPath(Address address, ActorPath? parent, string name, long uid)
    {
        Address = address;
        Parent = parent;
        Name = name;
        Uid = uid;
    }

    /// <summary>The system the actor lives in.</summary>
    public Address Address { get; }

    /// <summary>The path one level up; null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element (empty for the root).</summary>
    public string Name { get; }

    /// <summary>Which incarnation of the actor at this name the path names; <see cref="UndefinedUid"/> if none in particular.</summary>
    public long Uid { get; }

    /// <summary>Number of elements below the root.</summary>
    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    /// <summary>The elements below the root, e.g. <c>["user", "a", "b"]</c>.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            var path = this;
            for (var i = elements.Length - 1; i >= 0; i--)
            {
                elements[i] = path!.Name;
                path = path.Parent;
            }

            return elements;
        }
    }

    /// <summary>The root path of a system.</summary>
    public static ActorPath Root(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new ActorPath(address, null, string.Empty, UndefinedUid);
    }

    /// <summary>The path of a child called <paramref name="name"/> (no particular incarnation).</summary>
    public ActorPath Child(string name)
    {
        ActorPathNames.Validate(name, allowGenerated: true);
        return new ActorPath(Address, this, name, UndefinedUid);
    }

    /// <summary>A child path with a Uid, for a name the caller already validated.</summary>
    internal ActorPath ChildWithUid(string name, long uid) => new(Address, this, name, uid);

    /// <summary>The same path naming incarnation <paramref name="uid"/>.</summary>
    public ActorPath WithUid(long uid) => uid == Uid ? this : new ActorPath(Address, Parent, Name, uid);

    /// <summary>The path without its elements' system part, e.g. <c>/user/a/b</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Parent is null)
        {
            return "/";
        }

        var builder = new StringBuilder();
        AppendElements(builder);
        return builder.ToString();
    }

    /// <summary>The path as a URI, e.g. <c>ca://sys/user/a/b</c>.</summary>
    public override string ToString() => Address + ToStringWithoutAddress();

    /// <summary>The path with its incarnation, e.g. <c>ca://sys/user/a/b#42</c>: the wire form of a ref.</summary>
    /// <remarks>Computed once per path: remoting writes it into every envelope.</remarks>
    public string ToSerializationFormat() =>
        serializationFormat ??= Uid == UndefinedUid ? ToString() : string.Create(CultureInfo.InvariantCulture, $"{this}#{Uid}");

    /// <summary>Parses <see cref="ToString"/> or <see cref="ToSerializationFormat"/> output; throws <see cref="FormatException"/> naming the input.</summary>
    public static ActorPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var uid = UndefinedUid;
        var hash = text.LastIndexOf('#');
        var body = text;
        if (hash >= 0)
        {
            if (!long.TryParse(text.AsSpan(hash + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out uid))
            {
                throw new FormatException($"'{text}' is not an actor path: '{text[(hash + 1)..]}' is no uid.");
            }

            body = text[..hash];
        }

        var schemeEnd = body.IndexOf("://", StringComparison.Ordinal);
        var firstSlash = schemeEnd < 0 ? -1 : body.IndexOf('/', schemeEnd + 3);
        var address = Address.Parse(firstSlash < 0 ? body : body[..firstSlash]);
        var path = Root(address);
        if (firstSlash >= 0)
        {
            foreach (var element in body[(firstSlash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                path = new ActorPath(address, path, element, UndefinedUid);
            }
        }

        return path.WithUid(uid);
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        var a = this;
        var b = other;
        while (a is not null && b is not null)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }

            if (a.Parent is null || b.Parent is null)
            {
                return a.Parent is null && b.Parent is null && a.Address.Equals(b.Address);
            }

            a = a.Parent;
            b = b.Parent;
        }

        return false;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var path = this; path is not null; path = path.Parent)
        {
            hash.Add(path.Name, StringComparer.Ordinal);
            if (path.Parent is null)
            {
                hash.Add(path.Address);
            }
        }

        return hash.ToHashCode();
    }

    private void AppendElements(StringBuilder builder)
    {
        if (Parent is null)
        {
            return;
        }

        Parent.AppendElements(builder);
        builder.Append('/').Append(Name);
    }
}
