using System.Net.Http.Headers;

namespace Bifrost.Client.Http;

/// <summary>Reads a <c>Retry-After</c> header: delta seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
internal static class RetryAfter
{
    /// <summary>The wait a response asks for, never negative, or null when it asks for none.</summary>
    public static TimeSpan? Get(HttpResponseMessage? response, DateTimeOffset now)
    {
        RetryConditionHeaderValue? header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
