using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bifrost.Client.Http;

/// <summary>
/// Builds the resilience pipelines of the client (used by the DI path and the no-DI path alike). In effect every call
/// runs overall timeout → retry (exponential backoff with jitter, <c>Retry-After</c> obeyed up to a cap) → attempt
/// timeout. Most calls succeed at once, so that is split in two (<see cref="ResiliencePipelines"/>): the first
/// attempt runs under one timeout strategy only, and the full pipeline takes over, with the first attempt's outcome
/// replayed to it, only when that outcome is to be retried.
/// </summary>
internal static class ResiliencePipelineFactory
{
    /// <summary>The call (request, whether it may be repeated), set per call by <see cref="ResilienceHandler"/>.</summary>
    public static readonly ResiliencePropertyKey<BifrostCall> Call = new("Bifrost.Client.Call");

    public static ResiliencePipelines Create(BifrostClientOptions options, ILogger logger)
    {
        var time = options.TimeProvider ?? TimeProvider.System;
        var maxRetryAfter = options.MaxRetryAfter;

        // The first attempt: bounded by its own timeout and by the whole call's, whichever is shorter.
        var first = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(options.AttemptTimeout < options.Timeout ? options.AttemptTimeout : options.Timeout)
            .Build();
        if (options.MaxRetries <= 0)
        {
            return new ResiliencePipelines(first, null, options.Timeout <= options.AttemptTimeout);
        }

        var retries = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };

        // What is left of the whole call's time when the retries take over.
        retries.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => new ValueTask<TimeSpan>(
                args.Context.Properties.TryGetValue(Call, out var call) ? call.Remaining(options.Timeout) : options.Timeout),
            OnTimeout = args =>
            {
                if (args.Context.Properties.TryGetValue(Call, out var call))
                {
                    call.OverallTimedOut = true;
                }

                return default;
            },
        });
        retries.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
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
        retries.AddTimeout(options.AttemptTimeout);
        return new ResiliencePipelines(first, retries.Build(), options.Timeout <= options.AttemptTimeout);
    }

    /// <summary>Transient statuses (CONTRACT §9): 408, 429, 500, 502, 503, 504. Never 400, 401, 403, 404 or 409.</summary>
    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;

    public static string PathOf(HttpRequestMessage request) => request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString ?? string.Empty;

    /// <summary>Whether an outcome is to be retried: a transient status or failure of a request that may be repeated.</summary>
    public static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, TimeProvider time, TimeSpan maxRetryAfter)
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

/// <summary>The pipelines built for one options object.</summary>
/// <param name="firstAttempt">The first attempt, under min(attempt timeout, call timeout).</param>
/// <param name="retries">Overall timeout → retry → attempt timeout, fed the first attempt's outcome; null without retries.</param>
/// <param name="firstTimeoutIsTheCallTimeout">Whether a timeout of the first attempt is the whole call's timeout.</param>
internal sealed class ResiliencePipelines(ResiliencePipeline<HttpResponseMessage> firstAttempt, ResiliencePipeline<HttpResponseMessage>? retries, bool firstTimeoutIsTheCallTimeout)
{
    public ResiliencePipeline<HttpResponseMessage> FirstAttempt { get; } = firstAttempt;

    public ResiliencePipeline<HttpResponseMessage>? Retries { get; } = retries;

    public bool FirstTimeoutIsTheCallTimeout { get; } = firstTimeoutIsTheCallTimeout;
}
