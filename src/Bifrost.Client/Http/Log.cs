using Microsoft.Extensions.Logging;

namespace Bifrost.Client.Http;

/// <summary>
/// The client's log messages. They carry method, path, status, attempt and durations only: never headers, bodies or
/// credentials.
/// </summary>
internal static partial class Log
{
    public const string CategoryName = "Bifrost.Client";

    public static void AttemptCompleted(ILogger logger, HttpRequestMessage request, int statusCode, int attempt, TimeSpan duration)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var method = request.Method.Method;
            var path = ResiliencePipelineFactory.PathOf(request);
            var ms = duration.TotalMilliseconds;
            AttemptCompleted(logger, method, path, statusCode, attempt, ms);
        }
    }

    public static void AttemptFailed(ILogger logger, HttpRequestMessage request, int attempt, TimeSpan duration, Exception exception)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var method = request.Method.Method;
            var path = ResiliencePipelineFactory.PathOf(request);
            var ms = duration.TotalMilliseconds;
            var errorType = exception.GetType().Name;
            AttemptFailed(logger, method, path, attempt, ms, errorType);
        }
    }

    public static void Retrying(ILogger logger, HttpRequestMessage request, int attempt, HttpResponseMessage? response, TimeSpan delay)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var method = request.Method.Method;
            var path = ResiliencePipelineFactory.PathOf(request);
            var status = response is null ? 0 : (int)response.StatusCode;
            var ms = delay.TotalMilliseconds;
            Retrying(logger, method, path, attempt, status, ms);
        }
    }

    public static void TimedOut(ILogger logger, HttpRequestMessage request, int attempt, TimeSpan duration)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var method = request.Method.Method;
            var path = ResiliencePipelineFactory.PathOf(request);
            var ms = duration.TotalMilliseconds;
            TimedOut(logger, method, path, attempt, ms);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method} {Path} answered {StatusCode} on attempt {Attempt} after {DurationMs} ms")]
    private static partial void AttemptCompleted(ILogger logger, string method, string path, int statusCode, int attempt, double durationMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Method} {Path} failed on attempt {Attempt} after {DurationMs} ms: {ErrorType}")]
    private static partial void AttemptFailed(ILogger logger, string method, string path, int attempt, double durationMs, string errorType);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Method} {Path} will be retried after attempt {Attempt} (status {StatusCode}) in {DelayMs} ms")]
    private static partial void Retrying(ILogger logger, string method, string path, int attempt, int statusCode, double delayMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Method} {Path} timed out after {Attempt} attempt(s) and {DurationMs} ms")]
    private static partial void TimedOut(ILogger logger, string method, string path, int attempt, double durationMs);
}
