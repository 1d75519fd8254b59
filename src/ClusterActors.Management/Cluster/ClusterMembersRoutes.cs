using ClusterActors.Actors;
using ClusterActors.Cluster.Membership;
using Microsoft.AspNetCore.Http;

namespace ClusterActors.Management.Cluster;

/// <summary>The handlers behind <see cref="ClusterMembersEndpoints"/>: parse, authorize, ask the membership, answer JSON.</summary>
internal sealed class ClusterMembersRoutes(IClusterMembershipClient membership, ManagementToken token)
{
    public const string AddressParameter = "address";
    public const string AddressField = "address";
    public const string OperationField = "operation";
    public const string OperationNotSupported = "Operation not supported";
    private const string Coordinator = "membership coordinator";

    public async Task<IResult> ListAsync(HttpContext context) =>
        await AskAsync(context, membership.GetStateAsync, snapshot =>
            Results.Json(ClusterMembersView.From(snapshot), ClusterMembersJsonContext.Default.ClusterMembersResponse));

    public async Task<IResult> GetMemberAsync(HttpContext context)
    {
        var written = AddressAsWritten(context);
        if (!ClusterAddressArgument.TryParse(written, out var address, out var error))
        {
            return ManagementAnswers.Message(StatusCodes.Status400BadRequest, error);
        }

        return await AskAsync(context, membership.GetStateAsync, snapshot =>
            ClusterMembersView.FindMember(snapshot, address) is { } member
                ? Results.Json(member, ClusterMembersJsonContext.Default.ClusterMemberResponse)
                : ManagementAnswers.MemberNotFound(written));
    }

    public async Task<IResult> JoinAsync(HttpContext context)
    {
        if (BearerTokenGate.Refusal(context, token) is { } refusal)
        {
            return refusal;
        }

        var (written, formError) = await ReadFormFieldAsync(context, AddressField);
        if (formError is not null)
        {
            return formError;
        }

        if (written is null)
        {
            return ManagementAnswers.Message(StatusCodes.Status400BadRequest, $"Form field '{AddressField}' is missing: {ClusterAddressArgument.ExpectedForms}");
        }

        return await CommandAsync(context, written, "Join", membership.JoinAsync);
    }

    public async Task<IResult> LeaveAsync(HttpContext context) =>
        BearerTokenGate.Refusal(context, token) is { } refusal
            ? refusal
            : await CommandAsync(context, AddressAsWritten(context), "Leave", membership.LeaveAsync);

    public async Task<IResult> ChangeAsync(HttpContext context)
    {
        if (BearerTokenGate.Refusal(context, token) is { } refusal)
        {
            return refusal;
        }

        var written = AddressAsWritten(context);
        if (!ClusterAddressArgument.TryParse(written, out _, out var error))
        {
            return ManagementAnswers.Message(StatusCodes.Status400BadRequest, error);
        }

        var (operation, formError) = await ReadFormFieldAsync(context, OperationField);
        if (formError is not null)
        {
            return formError;
        }

        return operation?.ToUpperInvariant() switch
        {
            "LEAVE" => await CommandAsync(context, written, "Leave", membership.LeaveAsync),
            "DOWN" => await CommandAsync(context, written, "Down", membership.DownAsync),
            _ => ManagementAnswers.Message(StatusCodes.Status400BadRequest, OperationNotSupported),
        };
    }

    private static async Task<IResult> CommandAsync(
        HttpContext context,
        string written,
        string verb,
        Func<Address, CancellationToken, Task<MembershipCommandResult>> command)
    {
        if (!ClusterAddressArgument.TryParse(written, out var address, out var error))
        {
            return ManagementAnswers.Message(StatusCodes.Status400BadRequest, error);
        }

        return await AskAsync(context, cancellation => command(address, cancellation), result => result.Outcome switch
        {
            MembershipCommandOutcome.Accepted => ManagementAnswers.Message(
                StatusCodes.Status200OK,
                string.IsNullOrWhiteSpace(result.Message) ? $"{verb} of [{written}] accepted" : result.Message),
            MembershipCommandOutcome.NotFound => ManagementAnswers.MemberNotFound(written),
            MembershipCommandOutcome.Refused => ManagementAnswers.Message(
                StatusCodes.Status409Conflict,
                string.IsNullOrWhiteSpace(result.Message) ? $"{verb} of [{written}] refused" : result.Message),
            _ => ManagementAnswers.Message(StatusCodes.Status500InternalServerError, $"{verb} of [{written}]: unknown outcome {result.Outcome}"),
        });
    }

    private static Task<IResult> AskAsync<T>(HttpContext context, Func<CancellationToken, Task<T>> ask, Func<T, IResult> answer) =>
        ManagementAsk.AskAsync(context, Coordinator, ask, answer);

    // Kestrel decodes the path but keeps "%2F" encoded (it would change the segments), so an
    // URL-encoded full address arrives as "ca.tcp:%2F%2Fsys@host:port". No valid address holds a
    // '%', so decoding once more cannot change the meaning of a valid one.
    private static string AddressAsWritten(HttpContext context)
    {
        var raw = context.Request.RouteValues[AddressParameter] as string ?? string.Empty;
        return raw.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(raw) : raw;
    }

    private static async Task<(string? Value, IResult? Error)> ReadFormFieldAsync(HttpContext context, string field)
    {
        if (!context.Request.HasFormContentType)
        {
            return (null, null);
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, ManagementAnswers.Message(StatusCodes.Status400BadRequest, $"The request body is not a readable form: {ex.Message}"));
        }

        var values = form[field];
        return values.Count switch
        {
            0 => (null, null),
            1 => (values[0], null),
            _ => (null, ManagementAnswers.Message(StatusCodes.Status400BadRequest, $"Form field '{field}' is given {values.Count} times; give it once")),
        };
    }
}
