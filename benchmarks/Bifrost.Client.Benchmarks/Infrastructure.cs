using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace Bifrost.Client.Benchmarks;

/// <summary>
/// A primary handler that answers every request with the same canned bytes. It reads the request body first, as a
/// socket handler would, so lazily serialized content is serialized on both sides of a comparison.
/// </summary>
public sealed class CannedHandler(Func<HttpRequestMessage, byte[]> answer) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public int Requests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        Requests++;
        var content = new ByteArrayContent(answer(request));
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}

/// <summary>
/// Logging at the default level (Information) into a sink that drops everything: the SDK pays for its level checks
/// and any Information message, as in an application with a configured logger.
/// </summary>
public sealed class DiscardingLoggerFactory : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => DiscardingLogger.Instance;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class DiscardingLogger : ILogger
    {
        public static readonly DiscardingLogger Instance = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _ = formatter(state, exception);
            }
        }
    }
}

/// <summary>The hand-written floor: HttpClient, HttpRequestMessage and source-generated System.Text.Json, nothing else.</summary>
public sealed class FloorClient(HttpClient http, string token)
{
    public static readonly JsonTypeInfo<ProviderKey> KeyInfo = (JsonTypeInfo<ProviderKey>)BifrostJson.Options.GetTypeInfo(typeof(ProviderKey));
    public static readonly JsonTypeInfo<ProviderKeyList> ListInfo = (JsonTypeInfo<ProviderKeyList>)BifrostJson.Options.GetTypeInfo(typeof(ProviderKeyList));

    private readonly AuthenticationHeaderValue _authorization = new("Bearer", token);

    public Task<ProviderKey> GetKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, KeyPath(provider, keyId), null, KeyInfo, cancellationToken);

    public Task<ProviderKey> UpdateKeyAsync(string provider, string keyId, ProviderKey key, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, KeyPath(provider, keyId), System.Net.Http.Json.JsonContent.Create(key, KeyInfo), KeyInfo, cancellationToken);

    public Task<ProviderKeyList> ListKeysAsync(string provider, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "api/providers/" + Uri.EscapeDataString(provider) + "/keys", null, ListInfo, cancellationToken);

    private static string KeyPath(string provider, string keyId) =>
        "api/providers/" + Uri.EscapeDataString(provider) + "/keys/" + Uri.EscapeDataString(keyId);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> info, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = _authorization;
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, info, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("null body");
    }
}

/// <summary>Setup checks: a benchmark that measures the wrong thing fails instead of reporting a number.</summary>
public static class Check
{
    public static void SameJson(ProviderKey expected, ProviderKey actual, string what)
    {
        if (BifrostJson.Serialize(expected) != BifrostJson.Serialize(actual))
        {
            throw new InvalidOperationException($"Setup check failed: {what} differ.");
        }
    }

    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Setup check failed: " + what);
        }
    }
}
