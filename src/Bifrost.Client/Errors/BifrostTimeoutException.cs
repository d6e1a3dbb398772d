namespace Bifrost.Client;

/// <summary>
/// A call did not finish in time: either the overall <see cref="BifrostClientOptions.Timeout"/> elapsed, or the last
/// attempt hit <see cref="BifrostClientOptions.AttemptTimeout"/> with no retries left. Cancellation by the caller is
/// not a timeout: it surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public class BifrostTimeoutException : BifrostException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    /// <param name="innerException">The cause, if any.</param>
    public BifrostTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
