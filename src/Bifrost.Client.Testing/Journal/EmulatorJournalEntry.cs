namespace Bifrost.Client.Testing;

/// <summary>
/// One request the emulator received and how it answered. The <c>Authorization</c> header keeps only its scheme.
/// <see cref="ToString"/> leaves the body out, since it may carry secrets.
/// </summary>
public sealed class EmulatorJournalEntry
{
    internal EmulatorJournalEntry(
        DateTimeOffset timestamp,
        string method,
        string path,
        string query,
        IReadOnlyDictionary<string, string> headers,
        string body,
        int? statusCode,
        EmulatorFault? fault)
    {
        Timestamp = timestamp;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        StatusCode = statusCode;
        Fault = fault;
    }

    /// <summary>When the request arrived, on the emulator's time provider.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path as sent (still percent-encoded).</summary>
    public string Path { get; }

    /// <summary>The query string including <c>?</c>, or <c>""</c>.</summary>
    public string Query { get; }

    /// <summary>
    /// The request headers (names case-insensitive; repeated values joined with <c>, </c>). The value of
    /// <c>Authorization</c> is replaced by its scheme and <c>[redacted]</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The request body as UTF-8 text, or <c>""</c>.</summary>
    public string Body { get; }

    /// <summary>The status answered, or <see langword="null"/> when the connection was dropped or the caller gave up.</summary>
    public int? StatusCode { get; }

    /// <summary>The fault applied to this request, if any.</summary>
    public EmulatorFault? Fault { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Method} {Path}{Query} -> {(StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer")}";
}
