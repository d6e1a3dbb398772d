using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Bifrost.Client.Http;

/// <summary>
/// Runs each request through the resilience pipeline. GET, PUT and DELETE are retried; a POST only when its body
/// carries a non-empty <c>id</c> (a repeat then gets 409 instead of creating a duplicate). Timeouts surface as
/// <see cref="BifrostTimeoutException"/>; cancellation by the caller as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private readonly Func<BifrostClientOptions> _options;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private PipelineForOptions? _current;

    public ResilienceHandler(Func<BifrostClientOptions> options, ILogger logger)
    {
        _options = options;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = _options();
        var pipelines = GetPipelines(options);
        var time = options.TimeProvider ?? TimeProvider.System;
        if (request.Content is not null and not ByteArrayContent)
        {
            // Buffered once, so every attempt sends the same bytes. The SDK's own bodies are already byte arrays
            // (Refit serializes them synchronously), which replay as they are.
#if NET9_0_OR_GREATER
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
        }

        var call = BifrostCall.Of(request);
        call.Handler = this;
        call.Time = time;
        call.Retryable = await IsRetryableAsync(request, cancellationToken).ConfigureAwait(false);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResiliencePipelineFactory.Call, call);
        call.Start = time.GetTimestamp();
        try
        {
            // ExecuteOutcomeAsync: the attempt hands Polly its outcome (never throws), which spares the pipeline an
            // async layer of its own per call.
            var outcome = await pipelines.FirstAttempt.ExecuteOutcomeAsync(
                static (ctx, c) => c.Handler!.SendAttemptAsync(c, ctx.CancellationToken),
                context,
                call).ConfigureAwait(false);
            if (pipelines.Retries is { } retries
                && !(pipelines.FirstTimeoutIsTheCallTimeout && outcome.Exception is TimeoutRejectedException)
                && ResiliencePipelineFactory.ShouldRetry(context, outcome, time, options.MaxRetryAfter))
            {
                // The retry pipeline sees the first outcome as its own first attempt, then waits and repeats as usual.
                call.Replay = outcome;
                outcome = await retries.ExecuteOutcomeAsync(
                    static (ctx, c) => c.Handler!.ReplayOrSendAttemptAsync(c, ctx.CancellationToken),
                    context,
                    call).ConfigureAwait(false);
            }

            outcome.ThrowIfException();
            var response = outcome.Result!;
            if (!response.IsSuccessStatusCode && request.Content is { } sent)
            {
                // Kept for the error mapping, which runs after the request (and its content) has been disposed.
                call.BodyOfFailedCall = await sent.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var path = ResiliencePipelineFactory.PathOf(request);
            // The retries' call timeout reports its remainder, so name the configured value; a first attempt cut by
            // the call timeout already carries it (its timeout is the shorter of the two).
            var timeout = call.OverallTimedOut ? options.Timeout : ex.Timeout;
            Log.TimedOut(_logger, request, call.Attempt, time.GetElapsedTime(call.Start));
            throw new BifrostTimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"{request.Method.Method} {path} timed out after {timeout.TotalSeconds:0.###} s ({call.Attempt} attempt(s))."),
                timeout,
                ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ValueTask<Outcome<HttpResponseMessage>> ReplayOrSendAttemptAsync(BifrostCall call, CancellationToken cancellationToken)
    {
        if (call.Replay is { } first)
        {
            call.Replay = null;
            return new ValueTask<Outcome<HttpResponseMessage>>(first);
        }

        return SendAttemptAsync(call, cancellationToken);
    }

    private async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(BifrostCall call, CancellationToken cancellationToken)
    {
        var request = call.Request;
        var attempt = ++call.Attempt;
        var logged = _logger.IsEnabled(LogLevel.Debug);
        var start = logged ? call.Time.GetTimestamp() : 0;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (logged)
            {
                Log.AttemptCompleted(_logger, request, (int)response.StatusCode, attempt, call.Time.GetElapsedTime(start));
            }

            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            if (logged && ex is HttpRequestException or OperationCanceledException)
            {
                Log.AttemptFailed(_logger, request, attempt, call.Time.GetElapsedTime(start), ex);
            }

            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    private ResiliencePipelines GetPipelines(BifrostClientOptions options)
    {
        // Lock-free while the options object stays the same (every call but the first after a reload).
        var current = Volatile.Read(ref _current);
        if (current is not null && ReferenceEquals(current.Options, options))
        {
            return current.Pipelines;
        }

        lock (_gate)
        {
            current = _current;
            if (current is null || !ReferenceEquals(current.Options, options))
            {
                current = new PipelineForOptions(options, ResiliencePipelineFactory.Create(options, _logger));
                Volatile.Write(ref _current, current);
            }

            return current.Pipelines;
        }
    }

    private static async Task<bool> IsRetryableAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head || method == HttpMethod.Options)
        {
            return true;
        }

        if (method != HttpMethod.Post || request.Content is null)
        {
            return false;
        }

        // CONTRACT §9: a create is safe to repeat only with a client-chosen id.
        var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(id.GetString());
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The pipelines built for one options object (swapped whole, so a reader never sees a mixed pair).</summary>
    private sealed class PipelineForOptions(BifrostClientOptions options, ResiliencePipelines pipelines)
    {
        public BifrostClientOptions Options { get; } = options;

        public ResiliencePipelines Pipelines { get; } = pipelines;
    }
}
