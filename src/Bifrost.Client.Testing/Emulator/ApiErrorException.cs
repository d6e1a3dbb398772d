namespace Bifrost.Client.Testing.Emulator;

/// <summary>An error answer of the emulated server (CONTRACT §7.1): the HTTP status and <c>error.message</c>.</summary>
internal sealed class ApiErrorException : Exception
{
    public ApiErrorException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public ApiErrorException()
    {
    }

    public ApiErrorException(string message)
        : base(message)
    {
    }

    public ApiErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int StatusCode { get; } = 500;
}
