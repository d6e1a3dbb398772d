using System.Globalization;

namespace Bifrost.Client.Testing;

/// <summary>
/// A fault the emulator applies to the next matching requests: a status answer (optionally with
/// <c>Retry-After</c>), a delay, or a dropped connection. Build one with the static factories, refine it with
/// the <c>With…</c>/<see cref="Times"/>/<c>When</c> methods, then pass it to <see cref="EmulatorFaults.Add"/>.
/// </summary>
/// <example>
/// <code>
/// emulator.Faults.Add(EmulatorFault.Status(503).WithRetryAfter(TimeSpan.FromSeconds(2)).Times(2).When("PUT"));
/// </code>
/// </example>
public sealed class EmulatorFault
{
    private readonly object _gate = new();
    private int _remaining = 1;
    private int _appliedCount;

    private EmulatorFault(EmulatorFaultAction action, int statusCode)
    {
        Action = action;
        StatusCode = statusCode;
    }

    /// <summary>What the fault does.</summary>
    public EmulatorFaultAction Action { get; }

    /// <summary>For <see cref="EmulatorFaultAction.Respond"/>: the status answered.</summary>
    public int StatusCode { get; }

    /// <summary>The delay before the request is answered or processed, or <see cref="TimeSpan.Zero"/>.</summary>
    public TimeSpan Delay { get; private set; }

    /// <summary>The <c>Retry-After</c> header value sent with a status answer, or <see langword="null"/>.</summary>
    public string? RetryAfter { get; private set; }

    /// <summary>How many more requests this fault will apply to.</summary>
    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return _remaining;
            }
        }
    }

    /// <summary>How many requests this fault has been applied to.</summary>
    public int AppliedCount
    {
        get
        {
            lock (_gate)
            {
                return _appliedCount;
            }
        }
    }

    internal string? Message { get; private set; }

    internal string? RawBody { get; private set; }

    internal string RawContentType { get; private set; } = "text/plain";

    internal Func<EmulatorRequest, bool>? Predicate { get; private set; }

    /// <summary>Answers with <paramref name="statusCode"/> and the server's error body (CONTRACT §7.1).</summary>
    /// <param name="statusCode">The HTTP status, 100–599.</param>
    /// <param name="message">The <c>error.message</c>; defaults to a description of the status.</param>
    public static EmulatorFault Status(int statusCode, string? message = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new EmulatorFault(EmulatorFaultAction.Respond, statusCode) { Message = message };
    }

    /// <summary>Answers with <paramref name="statusCode"/> and a body that is not the server's (a proxy's page).</summary>
    /// <param name="statusCode">The HTTP status, 100–599.</param>
    /// <param name="body">The body text, sent verbatim.</param>
    /// <param name="contentType">The content type of the body.</param>
    public static EmulatorFault RawResponse(int statusCode, string body, string contentType = "text/plain")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        EmulatorFault fault = Status(statusCode);
        fault.RawBody = body;
        fault.RawContentType = contentType;
        return fault;
    }

    /// <summary>Processes the request normally, but only after <paramref name="delay"/> (measured on the emulator's time provider).</summary>
    /// <param name="delay">The delay; the caller's cancellation ends it early.</param>
    public static EmulatorFault Delayed(TimeSpan delay) =>
        new EmulatorFault(EmulatorFaultAction.PassThrough, 0).WithDelay(delay);

    /// <summary>
    /// Drops the connection: the in-memory handler throws <see cref="HttpRequestException"/>, the loopback
    /// host aborts the TCP connection.
    /// </summary>
    public static EmulatorFault DropConnection() => new(EmulatorFaultAction.DropConnection, 0);

    /// <summary>Waits <paramref name="delay"/> before the fault acts.</summary>
    /// <param name="delay">A non-negative delay.</param>
    /// <returns>This fault.</returns>
    public EmulatorFault WithDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Delay = delay;
        return this;
    }

    /// <summary>Sends <c>Retry-After: &lt;seconds&gt;</c> (rounded up to whole seconds) with the status answer.</summary>
    /// <param name="delay">A non-negative delay.</param>
    /// <returns>This fault.</returns>
    public EmulatorFault WithRetryAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        RetryAfter = ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return this;
    }

    /// <summary>Sends <c>Retry-After: &lt;HTTP-date&gt;</c> with the status answer.</summary>
    /// <param name="date">The date after which to retry.</param>
    /// <returns>This fault.</returns>
    public EmulatorFault WithRetryAfter(DateTimeOffset date)
    {
        RetryAfter = date.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
        return this;
    }

    /// <summary>Applies the fault to the next <paramref name="count"/> matching requests (default 1).</summary>
    /// <param name="count">A positive count.</param>
    /// <returns>This fault.</returns>
    public EmulatorFault Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _remaining = count;
        }

        return this;
    }

    /// <summary>Applies the fault only to requests the predicate accepts.</summary>
    /// <param name="predicate">The request filter.</param>
    /// <returns>This fault.</returns>
    public EmulatorFault When(Func<EmulatorRequest, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Predicate = predicate;
        return this;
    }

    /// <summary>Applies the fault only to requests with this method and, optionally, a path starting with <paramref name="pathPrefix"/>.</summary>
    /// <param name="method">The HTTP method (case-insensitive).</param>
    /// <param name="pathPrefix">A path prefix as sent on the wire, for example <c>/api/providers/openai/keys</c>.</param>
    /// <returns>This fault.</returns>
    public EmulatorFault When(string method, string? pathPrefix = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        return When(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
            && (pathPrefix is null || r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)));
    }

    /// <summary>Claims one application of the fault for <paramref name="request"/> if it matches and has any left.</summary>
    internal bool TryClaim(EmulatorRequest request)
    {
        if (Predicate is not null && !Predicate(request))
        {
            return false;
        }

        lock (_gate)
        {
            if (_remaining <= 0)
            {
                return false;
            }

            _remaining--;
            _appliedCount++;
            return true;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Action switch
    {
        EmulatorFaultAction.Respond => $"Respond {StatusCode} (remaining {Remaining})",
        EmulatorFaultAction.DropConnection => $"DropConnection (remaining {Remaining})",
        _ => $"Delay {Delay} (remaining {Remaining})",
    };
}
