namespace ClusterActors.Actors;

/// <summary>Restart bookkeeping a parent keeps per child, to enforce a strategy's retry window.</summary>
internal sealed class ChildRestartStats
{
    private int retriesInWindow;
    private long windowStartTimestamp;
    private bool windowStarted;

    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan window, TimeProvider time)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        var windowed = window > TimeSpan.Zero;
        if (!windowed)
        {
            if (maxNrOfRetries < 0)
            {
                return true;
            }

            retriesInWindow++;
            return retriesInWindow <= maxNrOfRetries;
        }

        if (maxNrOfRetries < 0)
        {
            return true;
        }

        var now = time.GetTimestamp();
        if (!windowStarted || time.GetElapsedTime(windowStartTimestamp, now) > window)
        {
            windowStarted = true;
            windowStartTimestamp = now;
            retriesInWindow = 1;
            return true;
        }

        retriesInWindow++;
        return retriesInWindow <= maxNrOfRetries;
    }
}
