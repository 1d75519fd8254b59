using ClusterActors.Hocon.Merging;
using ClusterActors.Hocon.Values;

namespace ClusterActors.Hocon.Resolution;

/// <summary>
/// Resolves substitutions against the whole root, per the spec:
/// <list type="bullet">
/// <item>a substitution normally sees the final value of its path (forward references work);</item>
/// <item>a substitution in a field's own value that names that field (or something under it) sees
/// only the earlier value of the field (<c>path = ${path}":x"</c>, <c>a = ${a} { b = 1 }</c>);</item>
/// <item>when a merge stack's layer is being resolved, everything it reaches sees the field without
/// that layer and the ones above it, which breaks cycles such as <c>a = 1, b = ${a}, a = ${b}</c>;</item>
/// <item>anything else that needs itself is a cycle error;</item>
/// <item>a path missing from the config is looked up in the environment, then <c>${?x}</c> is undefined.</item>
/// </list>
/// Results are memoized per node and view, so every field is resolved once.
/// </summary>
internal sealed partial class Resolver
{
    private const int MaxDepth = 512;

    private readonly HoconObject _root;
    private readonly Func<string, string?>? _environment;
    private readonly bool _allowUnresolved;
    private readonly ResolveContext _rootContext = ResolveContext.CreateRoot();
    private readonly HashSet<(HoconValue Node, ResolveContext Context, HoconPath Path)> _inProgress = [];
    private readonly List<TrailEntry> _trail = [];
    private readonly List<HoconSubstitution> _activeSubstitutions = [];
    private readonly Dictionary<(HoconMergeStack, int), HoconValue> _stackPrefixes = [];

    private Resolver(HoconObject root, Func<string, string?>? environment, bool allowUnresolved)
    {
        _root = root;
        _environment = environment;
        _allowUnresolved = allowUnresolved;
    }

    private readonly record struct TrailEntry(HoconValue Node, ResolveContext Context, HoconPath Path);

    /// <summary>The field whose own value is being resolved, for direct self-references.</summary>
    private sealed record SelfFrame(HoconPath Path, HoconValue Node);

    private readonly record struct LookupResult(HoconValue? Value, HoconPath? ExcludedAt);

    public static HoconObject Resolve(HoconObject root, HoconResolveOptions options)
    {
        var environment = options.UseEnvironment ? options.EnvironmentLookup : null;
        var resolver = new Resolver(root, environment, options.AllowUnresolved);
        return (HoconObject)resolver.ResolveField(root, HoconPath.Root, resolver._rootContext)!;
    }

    /// <summary>Resolves the value found at a path; null means undefined (an optional substitution found nothing).</summary>
    private HoconValue? ResolveField(HoconValue node, HoconPath path, ResolveContext context)
    {
        if (node.IsResolved)
        {
            return node;
        }

        if (context.Memo.TryGetValue((node, path), out var memo))
        {
            return memo;
        }

        Enter(node, context, path);
        HoconValue? result;
        try
        {
            result = node switch
            {
                HoconObject obj => ResolveObject(obj, path, context),
                HoconArray array => ResolveArray(array, path, context),
                HoconMergeStack stack => ResolveStack(stack, path, context),
                _ => ResolvePiece(node, path, context, new SelfFrame(path, node)),
            };
        }
        finally
        {
            Exit(node, context, path);
        }

        context.Memo[(node, path)] = result;
        return result;
    }

    private HoconObject ResolveObject(HoconObject obj, HoconPath path, ResolveContext context)
    {
        HoconObject? rebuilt = null;
        var keys = obj.Keys;
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var child = obj[key];
            var resolved = child.IsResolved ? child : ResolveField(child, path.Append(key), context);
            if (rebuilt is null)
            {
                if (ReferenceEquals(resolved, child))
                {
                    continue;
                }

                rebuilt = new HoconObject(obj.Origin);
                for (var j = 0; j < i; j++)
                {
                    rebuilt.Set(keys[j], obj[keys[j]]);
                }
            }

            if (resolved is not null)
            {
                rebuilt.Set(key, resolved);
            }
        }

        return rebuilt ?? obj;
    }

    private HoconArray ResolveArray(HoconArray array, HoconPath path, ResolveContext context)
    {
        var elements = new List<HoconValue>(array.Elements.Count);
        for (var i = 0; i < array.Elements.Count; i++)
        {
            var element = array.Elements[i];

            // Elements get a path of their own that no key lookup can reach, so they never count as self-references.
            var resolved = element.IsResolved ? element : ResolveField(element, path.Append("\0" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), context);
            if (resolved is not null)
            {
                elements.Add(resolved);
            }
        }

        return new HoconArray(elements, array.Origin);
    }

    /// <summary>Resolves a substitution, a concatenation, or anything else inside one.</summary>
    private HoconValue? ResolvePiece(HoconValue node, HoconPath path, ResolveContext context, SelfFrame? frame) => node switch
    {
        HoconSubstitution substitution => ResolveSubstitution(substitution, context, frame),
        HoconConcatenation concatenation => ResolveConcatenation(concatenation, path, context, frame),
        HoconScalar => node,
        _ => ResolveField(node, path, context),
    };

    private HoconValue? ResolveConcatenation(HoconConcatenation concatenation, HoconPath path, ResolveContext context, SelfFrame? frame)
    {
        var pieces = new HoconValue?[concatenation.Pieces.Count];
        var unresolved = false;
        for (var i = 0; i < pieces.Length; i++)
        {
            var resolved = ResolvePiece(concatenation.Pieces[i], path, context, frame);
            unresolved |= resolved is { IsResolved: false };
            pieces[i] = resolved;
        }

        return unresolved
            ? concatenation
            : ConcatenationJoiner.Join(pieces, concatenation.Pieces, concatenation.Origin, inPlace: false, atParseTime: false);
    }

    private ResolveContext Exclude(ResolveContext context, HoconPath path, HoconValue excluded)
    {
        if (context.HasExclusion(path, excluded))
        {
            var start = _trail.FindIndex(e => e.Path.Equals(path));
            throw new HoconResolveException($"substitution cycle: {DescribeChain(start, path)}", CycleOrigin(excluded));
        }

        return context.WithExclusion(path, excluded);
    }

    private HoconValue? ResolveSubstitution(HoconSubstitution substitution, ResolveContext context, SelfFrame? frame)
    {
        _activeSubstitutions.Add(substitution);
        try
        {
            return ResolveSubstitutionCore(substitution, context, frame);
        }
        finally
        {
            _activeSubstitutions.RemoveAt(_activeSubstitutions.Count - 1);
        }
    }

    private HoconValue? ResolveSubstitutionCore(HoconSubstitution substitution, ResolveContext context, SelfFrame? frame)
    {
        var view = frame is not null && substitution.Path.StartsWith(frame.Path)
            ? Exclude(context, frame.Path, frame.Node)
            : context;
        var found = Lookup(substitution.Path, view);
        var excludedAt = found.ExcludedAt;
        if (found.Value is null && substitution.FallbackPath is { } fallback)
        {
            found = Lookup(fallback, context);
        }

        if (found.Value is { } value)
        {
            // Only AllowUnresolved lets an unresolved value come back; the reference then stays as written.
            return value.IsResolved ? value : substitution;
        }

        var environmentName = (substitution.FallbackPath ?? substitution.Path).Join(".");
        var environmentUsed = _environment is not null && !substitution.IsAppendSugar;
        if (environmentUsed && _environment!(environmentName) is { } text)
        {
            return HoconScalar.String(text, substitution.Origin);
        }

        if (substitution.Optional)
        {
            return null;
        }

        if (_allowUnresolved)
        {
            return substitution;
        }

        var environmentNote = environmentUsed
            ? $" and there is no environment variable '{environmentName}'"
            : " (environment variables are not consulted)";
        var reason = excludedAt is not null
            ? $"could not resolve substitution {substitution.Render()}: '{excludedAt.Render()}' is defined in terms of itself ({DescribeChain(_trail.FindIndex(e => e.Path.Equals(excludedAt)), excludedAt)}) and has no earlier value{environmentNote}"
            : $"could not resolve substitution {substitution.Render()}: no value at path '{substitution.Path.Render()}'{environmentNote}";
        throw new HoconResolveException(reason, substitution.Origin);
    }
}
