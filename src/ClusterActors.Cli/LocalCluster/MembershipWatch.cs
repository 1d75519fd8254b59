using System.Globalization;
using System.Net;
using System.Text.Json;
using ClusterActors.Actors;
using ClusterActors.Cli.Management;

namespace ClusterActors.Cli.LocalCluster;

/// <summary>Polls the <c>GET /cluster/members</c> of a local cluster's nodes until they show a membership, or a deadline passes.</summary>
/// <param name="http">Sends the requests (one client, so connections are reused between polls).</param>
/// <param name="layout">Names nodes by id in messages.</param>
/// <param name="time">The clock for intervals, deadlines and reading timestamps.</param>
public sealed class MembershipWatch(HttpClient http, LocalClusterLayout layout, TimeProvider time)
{
    /// <summary>The longest one request may take before the node counts as not answering.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often an unchanged progress line is repeated while waiting for agreement.</summary>
    public TimeSpan ProgressRepeat { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Asks one node once.</summary>
    public async Task<MembershipReading> ReadAsync(LocalNode node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        var url = new Uri(node.ManagementUrl, "/cluster/members");
        using var timeout = new CancellationTokenSource(RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.GetAsync(url, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            var arrived = time.GetTimestamp();
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new MembershipReading(node, null, "404 on /cluster/members (no membership yet, or a node build without the cluster routes)", arrived);
            }

            if (!response.IsSuccessStatusCode)
            {
                return new MembershipReading(node, null, string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.StatusCode}: {Shorten(body)}"), arrived);
            }

            return Parse(node, body, arrived);
        }
        catch (HttpRequestException ex)
        {
            return new MembershipReading(node, null, $"not answering ({ex.Message})", time.GetTimestamp());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new MembershipReading(node, null, string.Create(CultureInfo.InvariantCulture, $"no answer within {RequestTimeout.TotalSeconds:0.#} s"), time.GetTimestamp());
        }
    }

    /// <summary>Asks every node once, all at the same time.</summary>
    public async Task<IReadOnlyList<MembershipReading>> ReadAllAsync(IReadOnlyList<LocalNode> nodes, CancellationToken cancellationToken) =>
        await Task.WhenAll(nodes.Select(node => ReadAsync(node, cancellationToken)));

    /// <summary>
    /// Polls <paramref name="nodes"/> in rounds until, in one round, every one of them shows
    /// <paramref name="goal"/> at the same epoch; returns that round. <paramref name="progress"/> hears
    /// "(2 of 3 up)" whenever that changes. Throws <see cref="TimeoutException"/> with each node's last answer.
    /// </summary>
    public async Task<IReadOnlyList<MembershipReading>> WaitForAgreementAsync(
        IReadOnlyList<LocalNode> nodes,
        MembershipGoal goal,
        TimeSpan interval,
        TimeSpan deadline,
        Action<string>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(goal);
        var start = time.GetTimestamp();
        string? lastProgress = null;
        var lastProgressAt = start;
        while (true)
        {
            var readings = await ReadAllAsync(nodes, cancellationToken);
            var whyNot = goal.WhyNotAgreed(readings);
            if (whyNot is null)
            {
                return readings;
            }

            // Said again now and then, so a long wait does not look like a hang.
            var summary = string.Create(CultureInfo.InvariantCulture, $"waiting for {nodes.Count} nodes to agree on one membership … ({readings.Count(r => r.IsUp)} of {nodes.Count} up)");
            if (summary != lastProgress || time.GetElapsedTime(lastProgressAt) >= ProgressRepeat)
            {
                progress?.Invoke(summary);
                lastProgress = summary;
                lastProgressAt = time.GetTimestamp();
            }

            if (time.GetElapsedTime(start) >= deadline)
            {
                throw new TimeoutException(
                    string.Create(CultureInfo.InvariantCulture, $"{nodes.Count} nodes did not agree within {deadline.TotalSeconds:0.#} s on {goal.Description}: {whyNot}. Last answers:\n") + Describe(readings));
            }

            await time.Delay(interval, cancellationToken);
        }
    }

    /// <summary>
    /// Polls each node on its own, every <paramref name="interval"/>, until it shows <paramref name="goal"/>;
    /// returns each node's first reading that did (its <see cref="MembershipReading.Timestamp"/> is when it was seen).
    /// Throws <see cref="TimeoutException"/> naming the nodes that never showed it, with their last answers.
    /// </summary>
    public async Task<IReadOnlyList<MembershipReading>> WaitForEachAsync(
        IReadOnlyList<LocalNode> nodes,
        MembershipGoal goal,
        TimeSpan interval,
        TimeSpan deadline,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(goal);
        var start = time.GetTimestamp();
        var outcomes = await Task.WhenAll(nodes.Select(async node =>
        {
            while (true)
            {
                var reading = await ReadAsync(node, cancellationToken);
                if (reading.View is not null && goal.IsMetBy(reading.View))
                {
                    return (Reading: reading, Shown: true);
                }

                if (time.GetElapsedTime(start) >= deadline)
                {
                    return (Reading: reading, Shown: false);
                }

                await time.Delay(interval, cancellationToken);
            }
        }));

        var failed = outcomes.Where(o => !o.Shown).Select(o => o.Reading).ToList();
        if (failed.Count > 0)
        {
            throw new TimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", failed.Select(r => r.Node.NodeId))} did not show {goal.Description} within {deadline.TotalSeconds:0.#} s. Last answers:\n") + Describe(failed));
        }

        return [.. outcomes.Select(o => o.Reading)];
    }

    /// <summary>One line per reading: the node, its URL, and its view or problem, members named by node id.</summary>
    public string Describe(IEnumerable<MembershipReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return string.Join('\n', readings.Select(r => $"  {r.Node.NodeId} ({r.Node.ManagementUrl.AbsoluteUri.TrimEnd('/')}): {(r.View is null ? r.Problem : Describe(r.View))}"));
    }

    /// <summary>"epoch 3, members node-1 Up, node-2 Joining; quorum yes; self Up; crown prince node-3".</summary>
    public string Describe(MembersView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var members = view.Members.Count == 0 ? "none" : string.Join(", ", view.Members.Select(m => $"{layout.NameOf(m.Node)} {m.Status}"));
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"epoch {view.Epoch}, members {members}; quorum {(view.HasQuorum ? "yes" : "no")}; self {view.SelfStatus}; crown prince {(view.CrownPrince is null ? "none" : layout.NameOf(view.CrownPrince))}");
        if (view.Unreachable.Count > 0)
        {
            text += $"; unreachable {string.Join(", ", view.Unreachable.Select(u => layout.NameOf(u.Node)))}";
        }

        return view.Reason is null ? text : $"{text}; reason: {view.Reason}";
    }

    private static MembershipReading Parse(LocalNode node, string body, long arrived)
    {
        try
        {
            var view = JsonSerializer.Deserialize(body, ClusterCtlJsonContext.Default.MembersView);
            return view is null
                ? new MembershipReading(node, null, "unreadable answer: the body is JSON null", arrived)
                : new MembershipReading(node, view, null, arrived);
        }
        catch (JsonException ex)
        {
            return new MembershipReading(node, null, $"unreadable answer ({ex.Message}): {Shorten(body)}", arrived);
        }
    }

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
