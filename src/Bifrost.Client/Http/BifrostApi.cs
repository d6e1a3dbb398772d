namespace Bifrost.Client.Http;

/// <summary>
/// The SDK's own transport: the Refit client of <see cref="IBifrostKeysApi"/>, plus the raw key read that the safe
/// update uses (<see cref="ReadKeyAsync"/>). <see cref="BifrostKeysClient"/> recognises it; any other
/// <see cref="IBifrostKeysApi"/> (a mock, a decorator) is used through its typed methods only.
/// </summary>
internal sealed class BifrostApi : IBifrostKeysApi
{
    private readonly IBifrostKeysApi _api;
    private readonly IBifrostKeysRawApi _raw;

    public BifrostApi(IBifrostKeysApi api, IBifrostKeysRawApi raw)
    {
        _api = api;
        _raw = raw;
    }

    public Task<ProviderKeyList> ListKeysAsync(string provider, CancellationToken cancellationToken = default) =>
        _api.ListKeysAsync(provider, cancellationToken);

    public Task<ProviderKey> CreateKeyAsync(string provider, ProviderKey key, CancellationToken cancellationToken = default) =>
        _api.CreateKeyAsync(provider, key, cancellationToken);

    public Task<ProviderKey> GetKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default) =>
        _api.GetKeyAsync(provider, keyId, cancellationToken);

    public Task<ProviderKey> UpdateKeyAsync(string provider, string keyId, ProviderKey key, CancellationToken cancellationToken = default) =>
        _api.UpdateKeyAsync(provider, keyId, key, cancellationToken);

    public Task<ProviderKey> DeleteKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default) =>
        _api.DeleteKeyAsync(provider, keyId, cancellationToken);

    public Task<List<KeySummary>> ListAllKeysAsync(CancellationToken cancellationToken = default) =>
        _api.ListAllKeysAsync(cancellationToken);

    /// <summary>
    /// <c>GET</c> of one key, kept as the exact bytes of the answer: the same request, credential, retries and error
    /// mapping as <see cref="GetKeyAsync"/>, without parsing the body yet.
    /// </summary>
    public async Task<KeyRead> ReadKeyAsync(string provider, string keyId, CancellationToken cancellationToken)
    {
        using var response = await _raw.GetKeyResponseAsync(provider, keyId, cancellationToken).ConfigureAwait(false);
        if (await ApiExceptionFactory.CreateAsync(response).ConfigureAwait(false) is { } error)
        {
            throw error;
        }

        var json = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new KeyRead(json, response.RequestMessage);
    }
}
