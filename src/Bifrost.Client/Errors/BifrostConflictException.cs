using System.Net;

namespace Bifrost.Client;

/// <summary>
/// The request conflicts with stored state (409): most often a key name already used by a key of any provider, or a
/// key id that already exists.
/// </summary>
public class BifrostConflictException : BifrostApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="error">The parsed error body, if any.</param>
    /// <param name="responseBody">The raw body, if any.</param>
    public BifrostConflictException(string message, BifrostError? error = null, string? responseBody = null)
        : base(HttpStatusCode.Conflict, message, error, responseBody)
    {
    }
}
