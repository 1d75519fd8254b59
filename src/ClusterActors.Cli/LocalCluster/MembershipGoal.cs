using System.Globalization;
using ClusterActors.Cli.Management;

namespace ClusterActors.Cli.LocalCluster;

/// <summary>The membership a watch waits for: exactly these nodes, every one Up, with quorum.</summary>
public sealed class MembershipGoal
{
    private readonly HashSet<string> addresses;

    /// <summary>A goal of exactly <paramref name="members"/>.</summary>
    public MembershipGoal(IReadOnlyList<LocalNode> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = members;
        addresses = [.. members.Select(m => m.Address)];
    }

    /// <summary>The nodes that must be the members.</summary>
    public IReadOnlyList<LocalNode> Members { get; }

    /// <summary>"node-2, node-3 as the Up members, with quorum".</summary>
    public string Description => $"{string.Join(", ", Members.Select(m => m.NodeId))} as the Up members, with quorum";

    /// <summary>True for the status text of an Up member (the JSON spells it "Up").</summary>
    public static bool IsUp(string? status) => string.Equals(status, "Up", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="view"/> lists exactly the goal's nodes, all Up, and has quorum.</summary>
    public bool IsMetBy(MembersView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.HasQuorum
            && view.Members.Count == addresses.Count
            && view.Members.All(m => IsUp(m.Status) && addresses.Contains(m.Node.TrimEnd('/')));
    }

    /// <summary>Null when every reading meets the goal at one epoch, else why not (for progress and timeout messages).</summary>
    public string? WhyNotAgreed(IReadOnlyList<MembershipReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var missing = readings.Where(r => r.View is null || !IsMetBy(r.View)).Select(r => r.Node.NodeId).ToList();
        if (missing.Count > 0)
        {
            return $"{string.Join(", ", missing)} {(missing.Count == 1 ? "does" : "do")} not show it yet";
        }

        var epochs = readings.Select(r => r.View!.Epoch).Distinct().ToList();
        return epochs.Count == 1 ? null
            : "they show it at different epochs: " + string.Join(", ", readings.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Node.NodeId} {r.View!.Epoch}")));
    }
}
