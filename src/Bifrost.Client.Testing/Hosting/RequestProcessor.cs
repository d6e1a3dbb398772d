using System.Text;
using Bifrost.Client.Testing.Emulator;

namespace Bifrost.Client.Testing.Hosting;

/// <summary>
/// The processing core both front doors share: fault injection, then the router, then the journal.
/// </summary>
internal sealed class RequestProcessor
{
    private readonly RequestRouter _router;
    private readonly EmulatorFaults _faults;
    private readonly EmulatorJournal _journal;
    private readonly TimeProvider _time;

    public RequestProcessor(RequestRouter router, EmulatorFaults faults, EmulatorJournal journal, TimeProvider time)
    {
        _router = router;
        _faults = faults;
        _journal = journal;
        _time = time;
    }

    public async Task<EmulatorHttpResponse> ProcessAsync(EmulatorHttpRequest request, CancellationToken cancellationToken)
    {
        DateTimeOffset arrived = _time.GetUtcNow();
        EmulatorFault? fault = _faults.Claim(new EmulatorRequest(request.Method, request.RawPath));
        EmulatorHttpResponse? response = null;
        try
        {
            if (fault is not null && fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay, _time, cancellationToken).ConfigureAwait(false);
            }

            response = fault?.Action switch
            {
                EmulatorFaultAction.Respond => FaultResponse(fault),
                EmulatorFaultAction.DropConnection => EmulatorHttpResponse.Drop(),
                _ => _router.Route(request),
            };
            return response;
        }
        finally
        {
            int? status = response is { DropConnection: false } ? response.StatusCode : null;
            _journal.Add(new EmulatorJournalEntry(
                arrived,
                request.Method,
                request.RawPath,
                request.Query,
                JournalHeaders(request.Headers),
                Encoding.UTF8.GetString(request.Body),
                status,
                fault));
        }
    }

    private static EmulatorHttpResponse FaultResponse(EmulatorFault fault)
    {
        EmulatorHttpResponse response = fault.RawBody is { } raw
            ? EmulatorHttpResponse.Raw(fault.StatusCode, raw, fault.RawContentType)
            : EmulatorHttpResponse.Error(fault.StatusCode, fault.Message ?? DefaultMessage(fault.StatusCode));
        if (fault.RetryAfter is { } retryAfter)
        {
            response.Headers.Add(new("Retry-After", retryAfter));
        }

        return response;
    }

    private static string DefaultMessage(int statusCode) =>
        "Injected fault: HTTP " + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> JournalHeaders(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string value) in headers)
        {
            string shown = string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
                ? RedactAuthorization(value)
                : value;
            result[name] = result.TryGetValue(name, out string? existing) ? existing + ", " + shown : shown;
        }

        return result;
    }

    private static string RedactAuthorization(string value)
    {
        int space = value.IndexOf(' ', StringComparison.Ordinal);
        return (space > 0 ? value[..space] + " " : "") + "[redacted]";
    }
}
