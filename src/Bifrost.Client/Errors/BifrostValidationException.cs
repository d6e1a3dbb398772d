using System.Net;

namespace Bifrost.Client;

/// <summary>The server refused the request as invalid (400), for example <c>Key value must not be empty</c>.</summary>
public class BifrostValidationException : BifrostApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="error">The parsed error body, if any.</param>
    /// <param name="responseBody">The raw body, if any.</param>
    public BifrostValidationException(string message, BifrostError? error = null, string? responseBody = null)
        : base(HttpStatusCode.BadRequest, message, error, responseBody)
    {
    }
}
