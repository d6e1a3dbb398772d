namespace Bifrost.Client;

/// <summary>
/// One-call shortcuts for the common jobs on a key: rotate a secret, set the weight, allow or block models, enable or
/// disable. Each runs the safe-update helper
/// (<see cref="IBifrostKeysClient.UpdateKeyAsync(string, string, Action{ProviderKey}, UpdateKeyOptions?, CancellationToken)"/>)
/// with the matching <see cref="KeyEdits"/> edit, so it reads the key, checks the edit, verifies the key is unchanged
/// (unless <see cref="UpdateKeyOptions.VerifyUnchanged"/> is off) and sends the whole key back with every other field
/// and secret exactly as received.
/// </summary>
/// <remarks>
/// Arguments are checked before any request. Every method can throw what the helper throws:
/// <see cref="UnsafeUpdateException"/> and <see cref="KeyChangedException"/> (nothing was sent), the
/// <see cref="BifrostApiException"/> subclasses, <see cref="BifrostTimeoutException"/> and <see cref="OperationCanceledException"/>.
/// </remarks>
public static class BifrostKeysClientExtensions
{
    /// <summary>Replaces the key's <c>value</c> (its API key) with a new literal or reference; every other secret is kept.</summary>
    /// <param name="client">The client.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="newValue">The new secret: <see cref="SecretValue.Literal(string)"/>, <see cref="SecretValue.FromEnvironment(string)"/> or <see cref="SecretValue.FromVault(string)"/>.</param>
    /// <param name="options">Update options, or <see langword="null"/> for <see cref="UpdateKeyOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key as the server saved it, masked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="newValue"/> is null.</exception>
    /// <exception cref="UnsafeUpdateException"><paramref name="newValue"/> looks like a mask, or is empty on a provider that needs a value; nothing was sent.</exception>
    public static Task<ProviderKey> RotateSecretAsync(
        this IBifrostKeysClient client,
        string provider,
        string keyId,
        SecretValue newValue,
        UpdateKeyOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.UpdateKeyAsync(provider, keyId, KeyEdits.RotateSecret(newValue), options, cancellationToken);
    }

    /// <summary>
    /// Replaces one secret field, named by its wire path (<c>value</c>, <c>azure_key_config.client_secret</c>,
    /// <c>bedrock_key_config.secret_key</c>, <c>vllm_key_config.url</c>, …); every other secret is kept.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="fieldPath">The wire path of a secret field of a modelled block; the key must already have that block.</param>
    /// <param name="newValue">The new secret.</param>
    /// <param name="options">Update options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key as the server saved it, masked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/>, <paramref name="fieldPath"/> or <paramref name="newValue"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fieldPath"/> is not a secret field path.</exception>
    /// <exception cref="InvalidOperationException">The key read from the server has no such block; nothing was sent.</exception>
    /// <exception cref="UnsafeUpdateException"><paramref name="newValue"/> looks like a mask, or empties a required field; nothing was sent.</exception>
    public static Task<ProviderKey> RotateSecretAsync(
        this IBifrostKeysClient client,
        string provider,
        string keyId,
        string fieldPath,
        SecretValue newValue,
        UpdateKeyOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.UpdateKeyAsync(provider, keyId, KeyEdits.RotateSecret(fieldPath, newValue), options, cancellationToken);
    }

    /// <summary>Sets the load-balancing weight.</summary>
    /// <param name="client">The client.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="weight">A finite number of zero or more (the official UI uses 0 to 1).</param>
    /// <param name="options">Update options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key as the server saved it, masked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is negative, NaN or infinite.</exception>
    public static Task<ProviderKey> SetWeightAsync(
        this IBifrostKeysClient client,
        string provider,
        string keyId,
        double weight,
        UpdateKeyOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.UpdateKeyAsync(provider, keyId, KeyEdits.SetWeight(weight), options, cancellationToken);
    }

    /// <summary>
    /// Lets the key serve these models: adds them to <c>models</c> (a key that allows all with <c>*</c> keeps <c>*</c>)
    /// and takes them off <c>blacklisted_models</c>, which would otherwise win. Matching is case-insensitive.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="models">Model names, for example <c>["o3", "o4-mini"]</c>; not <c>*</c>.</param>
    /// <param name="options">Update options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key as the server saved it, masked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="models"/> is null.</exception>
    /// <exception cref="ArgumentException">No model, or a null, blank or <c>*</c> entry.</exception>
    public static Task<ProviderKey> AllowModelsAsync(
        this IBifrostKeysClient client,
        string provider,
        string keyId,
        IEnumerable<string> models,
        UpdateKeyOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(models);
        return client.UpdateKeyAsync(provider, keyId, KeyEdits.AllowModels([.. models]), options, cancellationToken);
    }

    /// <summary>Blocks these models (adds them to <c>blacklisted_models</c>, which wins over <c>models</c>), unless all are already blocked.</summary>
    /// <param name="client">The client.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="models">Model names; not <c>*</c>.</param>
    /// <param name="options">Update options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key as the server saved it, masked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="models"/> is null.</exception>
    /// <exception cref="ArgumentException">No model, or a null, blank or <c>*</c> entry.</exception>
    public static Task<ProviderKey> BlockModelsAsync(
        this IBifrostKeysClient client,
        string provider,
        string keyId,
        IEnumerable<string> models,
        UpdateKeyOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(models);
        return client.UpdateKeyAsync(provider, keyId, KeyEdits.BlockModels([.. models]), options, cancellationToken);
    }

    /// <summary>Enables the key (<c>enabled = true</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="options">Update options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key as the server saved it, masked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public static Task<ProviderKey> EnableKeyAsync(
        this IBifrostKeysClient client,
        string provider,
        string keyId,
        UpdateKeyOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.UpdateKeyAsync(provider, keyId, KeyEdits.Enable(), options, cancellationToken);
    }

    /// <summary>Disables the key (<c>enabled = false</c>); its secrets and settings are kept.</summary>
    /// <param name="client">The client.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="options">Update options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key as the server saved it, masked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public static Task<ProviderKey> DisableKeyAsync(
        this IBifrostKeysClient client,
        string provider,
        string keyId,
        UpdateKeyOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.UpdateKeyAsync(provider, keyId, KeyEdits.Disable(), options, cancellationToken);
    }
}
