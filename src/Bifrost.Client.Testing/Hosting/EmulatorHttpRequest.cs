namespace Bifrost.Client.Testing.Hosting;

/// <summary>A request as both front doors hand it to the processing core, independent of the transport.</summary>
internal sealed class EmulatorHttpRequest
{
    public EmulatorHttpRequest(string method, string rawPath, string query, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method;
        RawPath = rawPath;
        Query = query;
        Headers = headers;
        Body = body;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path as sent on the wire (still percent-encoded), without the query.</summary>
    public string RawPath { get; }

    /// <summary>The query string including <c>?</c>, or <c>""</c>.</summary>
    public string Query { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    /// <summary>The first value of a header (case-insensitive name), or <see langword="null"/>.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
