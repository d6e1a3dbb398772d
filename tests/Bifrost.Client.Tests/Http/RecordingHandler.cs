using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Bifrost.Client.Tests.Http;

/// <summary>An in-memory primary handler: records each request (with the fake time it arrived) and answers from a script.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _fallback;
    private readonly TimeProvider _time;

    public RecordingHandler(TimeProvider? time = null, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? fallback = null)
    {
        _time = time ?? TimeProvider.System;
        _fallback = fallback;
    }

    public List<RecordedRequest> Requests { get; } = new();

    public RecordingHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _script.Enqueue(responder);
        return this;
    }

    public RecordingHandler ThenRespond(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null) =>
        Then((_, _) =>
        {
            var response = Respond(status, json);
            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    public RecordingHandler ThenThrow(Exception exception) => Then((_, _) => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>An attempt that never answers until its token is cancelled (a hung server).</summary>
    public RecordingHandler ThenHang() => Then(async (_, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        throw new InvalidOperationException("unreachable");
    });

    public static HttpResponseMessage Respond(HttpStatusCode status, string? json) => new(status)
    {
        Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                request.Content?.Headers.ContentType?.MediaType,
                body,
                _time.GetUtcNow()));
        }

        if (_script.TryDequeue(out var responder))
        {
            var response = await responder(request, cancellationToken);
            response.RequestMessage ??= request;
            return response;
        }

        if (_fallback is not null)
        {
            return await _fallback(request, cancellationToken);
        }

        throw new InvalidOperationException($"No scripted answer for request #{Requests.Count}.");
    }
}

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string? Body, DateTimeOffset At);
