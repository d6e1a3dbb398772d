using System.Net;

namespace Bifrost.Client;

/// <summary>
/// The server refused the credential (401) or the caller lacks a permission (403). When a virtual key was refused,
/// <see cref="IsVirtualKeyRejected"/> is set and the message says what to use instead.
/// </summary>
public class BifrostAuthenticationException : BifrostApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">401 or 403.</param>
    /// <param name="message">The message; must not contain secrets.</param>
    /// <param name="error">The parsed error body, if any.</param>
    /// <param name="responseBody">The raw body, if any.</param>
    /// <param name="isVirtualKeyRejected">Whether the refused credential was a virtual key.</param>
    public BifrostAuthenticationException(HttpStatusCode statusCode, string message, BifrostError? error = null, string? responseBody = null, bool isVirtualKeyRejected = false)
        : base(statusCode, message, error, responseBody)
    {
        IsVirtualKeyRejected = isVirtualKeyRejected;
    }

    /// <summary>
    /// Whether the server answered 401 to a virtual key (<c>sk-bf-…</c>). Current servers do not accept virtual keys on
    /// the management API: use a management API key, a session token or the admin credentials instead.
    /// </summary>
    public bool IsVirtualKeyRejected { get; }
}
