using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Bifrost.Client.Serialization;

namespace Bifrost.Client.Http;

/// <summary>Turns an error response into the matching <see cref="BifrostApiException"/> (CONTRACT §7.1).</summary>
internal static class ApiExceptionFactory
{
    /// <summary>How much of an error body is read at most (the rest is ignored).</summary>
    private const int MaxReadBytes = 64 * 1024;

    private const string VirtualKeyAdvice =
        "The server refused the virtual key (sk-bf-…): Bifrost does not accept virtual keys on the management API (/api/*). " +
        "Use a management API key or dashboard session token (BifrostCredential.BearerToken or FromTokenProvider) or the admin credentials (BifrostCredential.Basic).";

    public static async ValueTask<Exception?> CreateAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var body = await ReadCappedAsync(response.Content).ConfigureAwait(false);
        body = await RequestSecrets.RedactAsync(body, response.RequestMessage).ConfigureAwait(false);
        var error = TryParse(body);
        var status = response.StatusCode;
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        var detail = error?.Error?.Message is { Length: > 0 } serverMessage
            ? serverMessage
            : Shorten(body);
        var message = string.IsNullOrEmpty(detail)
            ? $"Bifrost answered {code} ({status})."
            : $"Bifrost answered {code} ({status}): {detail}";

        var call = BifrostCall.Find(response.RequestMessage);
        var attempts = call is { Attempt: > 0 } ? call.Attempt : 1;
        var virtualKey = call is { VirtualKeySent: true };

        BifrostApiException exception = status switch
        {
            HttpStatusCode.BadRequest => new BifrostValidationException(message, error, body) { Attempts = attempts },
            HttpStatusCode.NotFound => new BifrostNotFoundException(message, error, body) { Attempts = attempts },
            HttpStatusCode.Conflict => new BifrostConflictException(message, error, body) { Attempts = attempts },
            HttpStatusCode.Unauthorized when virtualKey => new BifrostAuthenticationException(status, message + " " + VirtualKeyAdvice, error, body, isVirtualKeyRejected: true) { Attempts = attempts },
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new BifrostAuthenticationException(status, message, error, body) { Attempts = attempts },
            _ => new BifrostApiException(status, message, error, body) { Attempts = attempts },
        };
        return exception;
    }

    public static ValueTask<Exception?> CreateDeserializationAsync(HttpResponseMessage response, Exception exception) =>
        new(Unreadable((int)response.StatusCode, response.RequestMessage, exception));

    /// <summary>A success answer whose body could not be read or parsed, naming the request it answered.</summary>
    public static BifrostException Unreadable(int status, HttpRequestMessage? request, Exception exception)
    {
        var what = request is null ? "the response" : $"the response to {request.Method.Method} {ResiliencePipelineFactory.PathOf(request)}";
        return new BifrostException($"Bifrost answered {status}, but {what} could not be read: {exception.Message}", exception);
    }

    private static async Task<string?> ReadCappedAsync(HttpContent? content)
    {
        if (content is null)
        {
            return null;
        }

        try
        {
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[MaxReadBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total)).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return total == 0 ? null : Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or ObjectDisposedException)
        {
            return null;
        }
    }

    private static BifrostError? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, BifrostJsonContext.Default.BifrostError);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Shorten(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var text = body.Trim();
        const int max = 200;
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
    }
}
