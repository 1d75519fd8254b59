using System.Diagnostics.CodeAnalysis;

namespace ClusterActors.Hocon.Values;

/// <summary>
/// An object node with fields in first-definition order. It is filled while parsing or merging and
/// never changed after it has been handed out.
/// </summary>
internal sealed class HoconObject : HoconValue
{
    private readonly Dictionary<string, HoconValue> _fields;
    private readonly List<string> _keys;
    private int _resolvedState;

    public HoconObject(HoconOrigin origin)
        : base(origin)
    {
        _fields = new Dictionary<string, HoconValue>(StringComparer.Ordinal);
        _keys = [];
    }

    private HoconObject(HoconOrigin origin, Dictionary<string, HoconValue> fields, List<string> keys)
        : base(origin)
    {
        _fields = fields;
        _keys = keys;
    }

    public override HoconValueKind Kind => HoconValueKind.Object;

    public int Count => _keys.Count;

    public IReadOnlyList<string> Keys => _keys;

    public HoconValue this[string key] => _fields[key];

    public override bool IsResolved
    {
        get
        {
            if (_resolvedState == 0)
            {
                var resolved = true;
                foreach (var value in _fields.Values)
                {
                    if (!value.IsResolved)
                    {
                        resolved = false;
                        break;
                    }
                }

                _resolvedState = resolved ? 1 : 2;
            }

            return _resolvedState == 1;
        }
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) =>
        _fields.TryGetValue(key, out value);

    /// <summary>Adds or replaces a field; only for objects still under construction.</summary>
    internal void Set(string key, HoconValue value)
    {
        if (_fields.TryAdd(key, value))
        {
            _keys.Add(key);
        }
        else
        {
            _fields[key] = value;
        }

        _resolvedState = 0;
    }

    /// <summary>A new object with the same fields, to be filled further (copy-on-write merging).</summary>
    internal HoconObject CopyWithOrigin(HoconOrigin origin) =>
        new(origin, new Dictionary<string, HoconValue>(_fields, StringComparer.Ordinal), [.. _keys]);

    public override HoconValue Relocate(HoconPath prefix)
    {
        if (IsResolved)
        {
            return this;
        }

        var copy = new HoconObject(Origin);
        foreach (var key in _keys)
        {
            copy.Set(key, _fields[key].Relocate(prefix));
        }

        return copy;
    }
}
