namespace ClusterActors.TestKit;

/// <summary>Named barriers among the roles of a spec that are still running: a barrier opens when every live role entered it.</summary>
/// <remarks>
/// Like Akka's TestConductor: roles must enter the same barriers in the same order (entering another
/// name while one is open fails the spec), a role that exits no longer holds anyone up, and a barrier
/// that does not open in time fails the spec naming the roles that did not arrive.
/// </remarks>
internal sealed class BarrierCoordinator
{
    private readonly Lock gate = new();
    private readonly HashSet<RoleName> live;
    private readonly HashSet<RoleName> arrived = [];
    private string? open;
    private TaskCompletionSource current = NewGate();
    private Exception? failure;

    public BarrierCoordinator(IEnumerable<RoleName> roles)
    {
        live = [.. roles];
    }

    /// <summary>Waits until every live role entered barrier <paramref name="name"/>.</summary>
    /// <exception cref="NodeExitedException"><paramref name="role"/> has left the spec.</exception>
    public async Task Enter(RoleName role, string name, TimeSpan timeout)
    {
        TaskCompletionSource waiting;
        lock (gate)
        {
            ThrowIfFailedOrLeft(role);
            if (open is not null && !string.Equals(open, name, StringComparison.Ordinal))
            {
                FailLocked(new TestKitFailureException($"Role {role} entered barrier '{name}' while barrier '{open}' is open (entered by {Describe(arrived)}): roles must pass the same barriers in the same order."));
                throw failure!;
            }

            open = name;
            arrived.Add(role);
            waiting = current;
            OpenIfComplete();
        }

        try
        {
            await waiting.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (gate)
            {
                FailLocked(new TestKitFailureException($"Barrier '{name}' did not open within {timeout.TotalSeconds:0.#} s: {Describe(live.Except(arrived))} did not arrive."));
            }

            throw failure!;
        }

        lock (gate)
        {
            ThrowIfFailedOrLeft(role);
        }
    }

    /// <summary>Takes <paramref name="role"/> out of every barrier from now on (its node exited or shut down).</summary>
    public void Leave(RoleName role)
    {
        lock (gate)
        {
            live.Remove(role);
            arrived.Remove(role);
            OpenIfComplete();
        }
    }

    /// <summary>True while <paramref name="role"/> takes part.</summary>
    public bool IsLive(RoleName role)
    {
        lock (gate)
        {
            return live.Contains(role);
        }
    }

    /// <summary>Fails the spec: every role waiting at a barrier, and every later entry, throws <paramref name="error"/>.</summary>
    public void Fail(Exception error)
    {
        lock (gate)
        {
            FailLocked(error);
        }
    }

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Describe(IEnumerable<RoleName> roles)
    {
        var names = roles.Select(role => role.Name).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "no role" : string.Join(", ", names);
    }

    private void ThrowIfFailedOrLeft(RoleName role)
    {
        if (failure is not null)
        {
            throw failure;
        }

        if (!live.Contains(role))
        {
            throw new NodeExitedException(role);
        }
    }

    private void OpenIfComplete()
    {
        if (open is null || !live.IsSubsetOf(arrived))
        {
            return;
        }

        var opened = current;
        open = null;
        arrived.Clear();
        current = NewGate();
        opened.TrySetResult();
    }

    private void FailLocked(Exception error)
    {
        failure ??= error;
        current.TrySetException(failure);
    }
}
