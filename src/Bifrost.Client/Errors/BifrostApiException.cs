using System.Globalization;
using System.Net;

namespace Bifrost.Client;

/// <summary>
/// The server answered with an error status. Subclasses name the common cases: <see cref="BifrostValidationException"/>
/// (400), <see cref="BifrostAuthenticationException"/> (401/403), <see cref="BifrostNotFoundException"/> (404) and
/// <see cref="BifrostConflictException"/> (409).
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> holds the status and the server's <c>error.message</c>. <see cref="ToString"/> prints
/// only the type, status and message: never a header, a request body or a credential.
/// </remarks>
public class BifrostApiException : BifrostException
{
    /// <summary>The largest number of characters kept in <see cref="ResponseBody"/>.</summary>
    public const int MaxResponseBodyLength = 4096;

    /// <summary>Creates an exception for an error response.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="error">The parsed error body, if it was one.</param>
    /// <param name="responseBody">The raw body; cut to <see cref="MaxResponseBodyLength"/> characters.</param>
    public BifrostApiException(HttpStatusCode statusCode, string message, BifrostError? error = null, string? responseBody = null)
        : base(message)
    {
        StatusCode = statusCode;
        Error = error;
        ResponseBody = responseBody is { Length: > MaxResponseBodyLength } ? responseBody[..MaxResponseBodyLength] : responseBody;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's error body, or <see langword="null"/> when the body was not a Bifrost error (for example a proxy page).</summary>
    public BifrostError? Error { get; }

    /// <summary>The server's <c>error.message</c>, or <see langword="null"/>.</summary>
    public string? ServerMessage => Error?.Error?.Message;

    /// <summary>The raw response body, at most <see cref="MaxResponseBodyLength"/> characters, or <see langword="null"/>.</summary>
    public string? ResponseBody { get; }

    /// <summary>How many attempts the call made (1 when it was not retried).</summary>
    internal int Attempts { get; init; } = 1;

    /// <summary>Prints the type, status and message only.</summary>
    /// <returns>For example <c>Bifrost.Client.BifrostNotFoundException: (404 NotFound) …</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{GetType().FullName}: ({(int)StatusCode} {StatusCode}) {Message}");
}
