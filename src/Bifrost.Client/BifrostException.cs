namespace Bifrost.Client;

/// <summary>
/// The base of every exception the SDK throws on purpose: server errors (<c>BifrostApiException</c> and its
/// subclasses) and client-side refusals (for example an update that would destroy a stored secret).
/// Messages never contain secrets, request bodies or credentials.
/// </summary>
public class BifrostException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong; must not contain secrets.</param>
    public BifrostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong; must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public BifrostException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
