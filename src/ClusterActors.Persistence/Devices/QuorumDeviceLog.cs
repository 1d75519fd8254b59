using Microsoft.Extensions.Logging;

namespace ClusterActors.Persistence.Devices;

/// <summary>The log lines of the quorum-device stores (source-generated, so a disabled level costs nothing).</summary>
internal static partial class QuorumDeviceLog
{
    /// <summary>Logs a reservation attempt as won or refused.</summary>
    public static void Reservation(this ILogger logger, ReservationOutcome outcome, string nodeId, long epoch, string store)
    {
        if (outcome.Reserved)
        {
            logger.Reserved(outcome.Holder.DeviceId, nodeId, epoch, store);
        }
        else
        {
            logger.ReservationRefused(outcome.Holder.DeviceId, nodeId, epoch, outcome.Holder.HolderNodeId, outcome.Holder.Epoch, store);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Quorum-device tables ensured on {Store}")]
    public static partial void TablesEnsured(this ILogger logger, string store);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Quorum device {DeviceId} reserved by {NodeId} in epoch {Epoch} on {Store}")]
    public static partial void Reserved(this ILogger logger, string deviceId, string nodeId, long epoch, string store);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Quorum device {DeviceId} refused to {NodeId} in epoch {Epoch}: {HolderNodeId} holds it in epoch {HolderEpoch} on {Store}")]
    public static partial void ReservationRefused(this ILogger logger, string deviceId, string nodeId, long epoch, string holderNodeId, long holderEpoch, string store);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Node {FencedNodeId} fenced off quorum device {DeviceId} by {ByNodeId} as of epoch {Epoch} on {Store}")]
    public static partial void Fenced(this ILogger logger, string fencedNodeId, string deviceId, string byNodeId, long epoch, string store);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Fence on node {NodeId} lifted from quorum device {DeviceId} (fences up to epoch {Epoch}) on {Store}")]
    public static partial void Unfenced(this ILogger logger, string nodeId, string deviceId, long epoch, string store);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Write of '{Key}' through quorum device {DeviceId} refused: node {NodeId} is fenced off it on {Store}")]
    public static partial void WriteRefused(this ILogger logger, string key, string deviceId, string nodeId, string store);
}
