namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// The request body is not JSON or a field has the wrong type. The endpoint answers 400 with the
/// generation's message (CONTRACT §7.2: <c>Invalid request payload</c>, Gen A <c>Invalid JSON: …</c>).
/// </summary>
internal sealed class InvalidPayloadException : Exception
{
    public InvalidPayloadException()
    {
    }

    public InvalidPayloadException(string message)
        : base(message)
    {
    }

    public InvalidPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
