using System.Diagnostics;

namespace Bifrost.Client.Http;

/// <summary>
/// What the handlers know about one call (all its attempts), kept on the <see cref="HttpRequestMessage"/> as a single
/// request option: the resilience handler counts attempts in it, the credential handler notes whether a virtual key
/// went out, and the error mapping reads both. One object per call, no boxed values per attempt.
/// </summary>
[DebuggerDisplay("{Request.Method.Method,nq} attempt {Attempt}")]
internal sealed class BifrostCall
{
    /// <summary>The request option the call travels under.</summary>
    public static readonly HttpRequestOptionsKey<BifrostCall> Key = new("Bifrost.Client.Call");

    private BifrostCall(HttpRequestMessage request)
    {
        Request = request;
    }

    /// <summary>The request of this call.</summary>
    public HttpRequestMessage Request { get; }

    /// <summary>The 1-based number of the attempt in flight (0 before the first).</summary>
    public int Attempt { get; set; }

    /// <summary>Whether the attempt in flight carried a virtual key as its bearer token.</summary>
    public bool VirtualKeySent { get; set; }

    /// <summary>Whether the request may be repeated (set once by the resilience handler).</summary>
    public bool Retryable { get; set; }

    /// <summary>
    /// The request body, kept only when the call ended in an error status: the request is disposed before its answer is
    /// read, and the error mapping needs the body's secrets to redact them from an echoing error message.
    /// </summary>
    public byte[]? BodyOfFailedCall { get; set; }

    /// <summary>The resilience handler running the call, for its static attempt callback.</summary>
    public ResilienceHandler? Handler { get; set; }

    /// <summary>The clock of the call's timings.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>When the call started, on <see cref="Time"/>.</summary>
    public long Start { get; set; }

    /// <summary>Set when the whole call's timeout (not an attempt's) ended it.</summary>
    public bool OverallTimedOut { get; set; }

    /// <summary>The first attempt's outcome, handed to the retry pipeline as its own first attempt.</summary>
    public Polly.Outcome<HttpResponseMessage>? Replay { get; set; }

    /// <summary>What is left of <paramref name="timeout"/> since <see cref="Start"/> (at least one millisecond).</summary>
    public TimeSpan Remaining(TimeSpan timeout)
    {
        var left = timeout - Time.GetElapsedTime(Start);
        return left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1);
    }

    /// <summary>The call of <paramref name="request"/>, created and attached on first use.</summary>
    public static BifrostCall Of(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(Key, out var call))
        {
            call = new BifrostCall(request);
            request.Options.Set(Key, call);
        }

        return call;
    }

    /// <summary>The call of <paramref name="request"/> if the handlers saw it.</summary>
    public static BifrostCall? Find(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var call) ? call : null;
}
