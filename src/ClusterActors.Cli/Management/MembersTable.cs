using System.Globalization;

namespace ClusterActors.Cli.Management;

/// <summary>Renders <see cref="MembersView"/> for a terminal: a summary line, then node, uid and status in aligned columns.</summary>
public static class MembersTable
{
    /// <summary>Writes the summary, the table, and any unreachable members.</summary>
    public static void Write(MembersView view, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"epoch {view.Epoch}  crown prince {view.CrownPrince ?? "(none)"}  quorum {(view.HasQuorum ? "yes" : "no")}  self {view.SelfNode} {view.SelfStatus}"));
        if (view.Reason is not null)
        {
            output.WriteLine($"reason: {view.Reason}");
        }

        string[][] rows = [["NODE", "UID", "STATUS"], .. view.Members.Select(m => new[] { m.Node, m.NodeUid, m.Status })];
        var nodeWidth = rows.Max(row => row[0].Length);
        var uidWidth = rows.Max(row => row[1].Length);
        foreach (var row in rows)
        {
            output.WriteLine($"{row[0].PadRight(nodeWidth)}  {row[1].PadRight(uidWidth)}  {row[2]}");
        }

        foreach (var unreachable in view.Unreachable)
        {
            output.WriteLine($"unreachable: {unreachable.Node} (observed by {string.Join(", ", unreachable.ObservedBy)})");
        }
    }
}
