namespace Bifrost.Client.Tests.Reliability;

/// <summary>The faults the soak injects, one per attempt at most.</summary>
public enum SoakFault
{
    None,

    /// <summary>503 with the server's error body, no Retry-After.</summary>
    Unavailable503,

    /// <summary>429 with <c>Retry-After: 0</c>.</summary>
    TooManyRequestsDelta,

    /// <summary>429 with <c>Retry-After</c> as an HTTP date in the past.</summary>
    TooManyRequestsDate,

    /// <summary>429 asking for an hour, longer than MaxRetryAfter: surfaces without a retry.</summary>
    TooManyRequestsTooLong,

    /// <summary>The server does not answer before the attempt timeout.</summary>
    Slow,

    /// <summary>The connection drops before the server processes the request.</summary>
    DropBeforeProcessing,

    /// <summary>The server processes the request, then the answer is lost (the connection drops on the way back).</summary>
    LostAfterProcessing,
}
