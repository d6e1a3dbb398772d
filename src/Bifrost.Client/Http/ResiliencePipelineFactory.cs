using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bifrost.Client.Http;

/// <summary>
/// Builds the one resilience pipeline of the client (used by the DI path and the no-DI path alike):
/// overall timeout → retry (exponential backoff with jitter, <c>Retry-After</c> obeyed up to a cap) → attempt timeout.
/// </summary>
internal static class ResiliencePipelineFactory
{
    /// <summary>The call (request, whether it may be repeated), set per call by <see cref="ResilienceHandler"/>.</summary>
    public static readonly ResiliencePropertyKey<BifrostCall> Call = new("Bifrost.Client.Call");

    public static ResiliencePipeline<HttpResponseMessage> Create(BifrostClientOptions options, ILogger logger)
    {
        var time = options.TimeProvider ?? TimeProvider.System;
        var maxRetryAfter = options.MaxRetryAfter;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        builder.AddTimeout(options.Timeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome, time, maxRetryAfter)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter.Get(args.Outcome.Result, time.GetUtcNow())),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(Call, out var call))
                    {
                        Log.Retrying(logger, call.Request, args.AttemptNumber + 1, args.Outcome.Result, args.RetryDelay);
                    }

                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>Transient statuses (CONTRACT §9): 408, 429, 500, 502, 503, 504. Never 400, 401, 403, 404 or 409.</summary>
    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;

    public static string PathOf(HttpRequestMessage request) => request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString ?? string.Empty;

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, TimeProvider time, TimeSpan maxRetryAfter)
    {
        if (!context.Properties.TryGetValue(Call, out var call) || !call.Retryable)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result;
        if (response is null || !IsTransient(response.StatusCode))
        {
            return false;
        }

        // A server asking for a longer wait than we accept gets its answer surfaced rather than an early retry.
        return RetryAfter.Get(response, time.GetUtcNow()) is not { } wait || wait <= maxRetryAfter;
    }
}
