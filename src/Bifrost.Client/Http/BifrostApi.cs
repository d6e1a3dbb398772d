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
        ReadAsync(_raw.ListKeysAsync(provider, cancellationToken), BifrostJsonContext.Default.ProviderKeyList, cancellationToken);

    public Task<ProviderKey> CreateKeyAsync(string provider, ProviderKey key, CancellationToken cancellationToken = default) =>
        ReadAsync(_raw.CreateKeyAsync(provider, key, cancellationToken), BifrostJsonContext.Default.ProviderKey, cancellationToken);

    public Task<ProviderKey> GetKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default) =>
        ReadAsync(_raw.GetKeyAsync(provider, keyId, cancellationToken), BifrostJsonContext.Default.ProviderKey, cancellationToken);

    public Task<ProviderKey> UpdateKeyAsync(string provider, string keyId, ProviderKey key, CancellationToken cancellationToken = default) =>
        ReadAsync(_raw.UpdateKeyAsync(provider, keyId, key, cancellationToken), BifrostJsonContext.Default.ProviderKey, cancellationToken);

    public Task<ProviderKey> DeleteKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default) =>
        ReadAsync(_raw.DeleteKeyAsync(provider, keyId, cancellationToken), BifrostJsonContext.Default.ProviderKey, cancellationToken);

    public Task<List<KeySummary>> ListAllKeysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(_raw.ListAllKeysAsync(cancellationToken), BifrostJsonContext.Default.ListKeySummary, cancellationToken);

    /// <summary>
    /// <c>GET</c> of one key, kept as the exact bytes of the answer: the same request, credential, retries and error
    /// mapping as <see cref="GetKeyAsync"/>; the body is parsed only when it is needed.
    /// </summary>
    public async Task<KeyRead> ReadKeyAsync(string provider, string keyId, CancellationToken cancellationToken)
    {
        using var response = await _raw.GetKeyAsync(provider, keyId, cancellationToken).ConfigureAwait(false);
        await ThrowIfErrorAsync(response).ConfigureAwait(false);
        var json = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new KeyRead(json, response.RequestMessage);
    }

    /// <summary>
    /// The answer to a typed call: the mapped error for an error status; null for an empty success (the client then
    /// reports the empty answer); otherwise the body parsed from the stream, or a <see cref="BifrostException"/> when
    /// it cannot be read.
    /// </summary>
    private static async Task<T> ReadAsync<T>(Task<HttpResponseMessage> send, JsonTypeInfo<T> info, CancellationToken cancellationToken)
    {
        using var response = await send.ConfigureAwait(false);
        await ThrowIfErrorAsync(response).ConfigureAwait(false);
        var content = response.Content;
        if (response.StatusCode == HttpStatusCode.NoContent || content.Headers.ContentLength == 0)
        {
            return default!;
        }

        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return (await JsonSerializer.DeserializeAsync(stream, info, cancellationToken).ConfigureAwait(false))!;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw (await ApiExceptionFactory.CreateDeserializationAsync(response, exception).ConfigureAwait(false))!;
        }
    }

    private static async ValueTask ThrowIfErrorAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode && await ApiExceptionFactory.CreateAsync(response).ConfigureAwait(false) is { } error)
        {
            throw error;
        }
    }
}
