using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bifrost.Client.Serialization;

namespace Bifrost.Client.Http;

/// <summary>
/// The SDK's own implementation of <see cref="IBifrostKeysApi"/>: Refit sends every request
/// (<see cref="IBifrostKeysRawApi"/>), and the answer is read here: an error status becomes the matching
/// <see cref="BifrostApiException"/>, a success body is parsed from the response stream. It also offers the raw key
/// read of the safe update (<see cref="ReadKeyAsync"/>). <see cref="BifrostKeysClient"/> recognises it; any other
/// <see cref="IBifrostKeysApi"/> (a mock, a decorator) is used through its typed methods only.
/// </summary>
internal sealed class BifrostApi : IBifrostKeysApi
{
    private readonly IBifrostKeysRawApi _raw;

    public BifrostApi(IBifrostKeysRawApi raw)
    {
        _raw = raw;
    }

    public Task<ProviderKeyList> ListKeysAsync(string provider, CancellationToken cancellationToken = default) =>
        ReadAsync(_raw.ListKeysAsync(provider, cancellationToken), BifrostJsonContext.Default.ProviderKeyList, Routes.ListKeys, cancellationToken);

    public Task<ProviderKey> CreateKeyAsync(string provider, ProviderKey key, CancellationToken cancellationToken = default) =>
        ReadAsync(_raw.CreateKeyAsync(provider, key, cancellationToken), BifrostJsonContext.Default.ProviderKey, Routes.CreateKey, cancellationToken);

    public Task<ProviderKey> GetKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default) =>
        ReadAsync(_raw.GetKeyAsync(provider, keyId, cancellationToken), BifrostJsonContext.Default.ProviderKey, Routes.GetKey, cancellationToken);

    public Task<ProviderKey> UpdateKeyAsync(string provider, string keyId, ProviderKey key, CancellationToken cancellationToken = default) =>
        ReadAsync(_raw.UpdateKeyAsync(provider, keyId, key, cancellationToken), BifrostJsonContext.Default.ProviderKey, Routes.UpdateKey, cancellationToken);

    public Task<ProviderKey> DeleteKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default) =>
        ReadAsync(_raw.DeleteKeyAsync(provider, keyId, cancellationToken), BifrostJsonContext.Default.ProviderKey, Routes.DeleteKey, cancellationToken);

    public Task<List<KeySummary>> ListAllKeysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(_raw.ListAllKeysAsync(cancellationToken), BifrostJsonContext.Default.ListKeySummary, Routes.ListAllKeys, cancellationToken, emptyIsNothing: true);

    /// <summary>
    /// <c>GET</c> of one key, kept as the exact bytes of the answer: the same request, credential, retries and error
    /// mapping as <see cref="GetKeyAsync"/>; the body is parsed only when it is needed.
    /// </summary>
    public async Task<KeyRead> ReadKeyAsync(string provider, string keyId, CancellationToken cancellationToken)
    {
        using var response = await _raw.GetKeyAsync(provider, keyId, cancellationToken).ConfigureAwait(false);
        await ThrowIfErrorAsync(response).ConfigureAwait(false);
        byte[] json;
        try
        {
            json = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A body cut off mid-way: the same typed error as a typed call's.
            throw ApiExceptionFactory.Unreadable((int)response.StatusCode, response.RequestMessage, exception);
        }

        return new KeyRead(json, response.RequestMessage);
    }

    /// <summary>
    /// The answer to a typed call: the mapped error for an error status; otherwise the body parsed from the stream. A
    /// body that cannot be read, or is empty or JSON <c>null</c> where a value is required, is a
    /// <see cref="BifrostException"/>.
    /// </summary>
    private static async Task<T> ReadAsync<T>(Task<HttpResponseMessage> send, JsonTypeInfo<T> info, string route, CancellationToken cancellationToken, bool emptyIsNothing = false)
        where T : class
    {
        using var response = await send.ConfigureAwait(false);
        await ThrowIfErrorAsync(response).ConfigureAwait(false);
        var content = response.Content;
        T? value = null;
        try
        {
            if (response.StatusCode != HttpStatusCode.NoContent && content.Headers.ContentLength != 0)
            {
                var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    value = await JsonSerializer.DeserializeAsync(stream, info, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw ApiExceptionFactory.Unreadable((int)response.StatusCode, response.RequestMessage, exception);
        }

        // The list of all keys reads an empty answer as no rows (the client returns an empty list).
        return value ?? (emptyIsNothing ? null! : throw Routes.EmptyAnswer(route));
    }

    private static async ValueTask ThrowIfErrorAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode && await ApiExceptionFactory.CreateAsync(response).ConfigureAwait(false) is { } error)
        {
            throw error;
        }
    }
}
