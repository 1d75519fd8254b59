using System.Globalization;

namespace ClusterActors.Cli.Management;

/// <summary>Renders <see cref="TransitionsView"/> for a terminal: a summary line, the levels table, then the nodes table.</summary>
public static class TransitionsTable
{
    /// <summary>What an empty cell shows, so that every column stays one word wide.</summary>
    public const string Blank = "-";

    /// <summary>Writes the summary, the note (if any), the levels, the nodes and each node's note.</summary>
    public static void Write(TransitionsView view, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"answered by {view.AnsweredBy}  sequencer {view.Sequencer ?? "(none)"}  epoch {view.Epoch}"));
        if (view.Note is not null)
        {
            output.WriteLine($"note: {view.Note}");
        }

        output.WriteLine();
        WriteColumns(
            [
                ["LEVEL", "SUBSYSTEMS", "BARRIERS J/L/F"],
                .. view.Levels.Select(level => new[]
                {
                    Number(level.Level),
                    List(level.Subsystems),
                    string.Create(CultureInfo.InvariantCulture, $"{level.Barriers.Joining}/{level.Barriers.Leaving}/{level.Barriers.ForcedLeaving}"),
                }),
            ],
            output);

        output.WriteLine();
        WriteColumns(
            [
                ["NODE", "STATE", "TRANSITION", "LEVEL", "BARRIER", "ACKNOWLEDGED", "AWAITING", "DEREGISTERED", "ADDRESS"],
                .. view.Nodes.Select(node => new[]
                {
                    node.NodeId,
                    node.State,
                    node.Transition ?? Blank,
                    node.Level is { } level ? Number(level) : Blank,
                    node.Barrier is { } barrier ? Number(barrier) : Blank,
                    List(node.Acknowledged),
                    List(node.Awaiting),
                    List(node.DeregisteredLevels.Select(Number)),
                    node.Node,
                }),
            ],
            output);

        var noted = view.Nodes.Where(node => node.Note is not null).ToList();
        if (noted.Count > 0)
        {
            output.WriteLine();
        }

        foreach (var node in noted)
        {
            output.WriteLine($"note for {node.NodeId}: {node.Note}");
        }
    }

    // Every column but the last is padded to its widest cell; the last is not, so no line ends in spaces.
    private static void WriteColumns(IReadOnlyList<string[]> rows, TextWriter output)
    {
        var columns = rows[0].Length;
        var widths = Enumerable.Range(0, columns).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, column) => column == columns - 1 ? cell : cell.PadRight(widths[column]));
            output.WriteLine(string.Join("  ", cells));
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Comma-separated without spaces: a cell stays one word, so the columns can be read by eye and by script.
    private static string List(IEnumerable<string> items)
    {
        var text = string.Join(",", items);
        return text.Length == 0 ? Blank : text;
    }
}
