using System.Net;

namespace Bifrost.Client;

/// <summary>The provider or key does not exist (404), for example <c>Provider key not found: …</c>.</summary>
public class BifrostNotFoundException : BifrostApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="error">The parsed error body, if any.</param>
    /// <param name="responseBody">The raw body, if any.</param>
    public BifrostNotFoundException(string message, BifrostError? error = null, string? responseBody = null)
        : base(HttpStatusCode.NotFound, message, error, responseBody)
    {
    }
}
