using System.Runtime.ExceptionServices;
using Bifrost.Client.Http;
using Microsoft.Extensions.Logging;

namespace Bifrost.Client;

/// <summary>
/// The client of the Bifrost provider-key management API. Create it with <c>services.AddBifrostClient(…)</c>, or
/// directly from <see cref="BifrostClientOptions"/> for scripts and tests. Every method is virtual so the class can be
/// mocked; <see cref="IBifrostKeysClient"/> is the interface to depend on.
/// </summary>
public class BifrostKeysClient : IBifrostKeysClient, IDisposable
{
    private readonly IBifrostKeysApi _api = null!;

    // The SDK's own transport, when the client runs on it: the safe update then reads keys as raw bytes.
    private readonly BifrostApi? _transport;
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>Creates a client that talks to <see cref="BifrostClientOptions.BaseAddress"/> over its own connection pool.</summary>
    /// <param name="options">The settings; validated here. The credential is re-read on every request.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public BifrostKeysClient(BifrostClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(options, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true, loggerFactory)
    {
    }

    /// <summary>
    /// Creates a client over a given primary handler, for example an in-memory handler in tests or a configured
    /// <see cref="SocketsHttpHandler"/>. The SDK's credential and resilience handlers are put in front of it. The
    /// handler is not disposed with the client.
    /// </summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="primaryHandler">The handler that sends the bytes.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public BifrostKeysClient(BifrostClientOptions options, HttpMessageHandler primaryHandler, ILoggerFactory? loggerFactory = null)
        : this(options, primaryHandler, disposeHandler: false, loggerFactory)
    {
    }

    /// <summary>Creates a client over an <see cref="IBifrostKeysApi"/>: the one <c>AddBifrostClient</c> registers, or a mock.</summary>
    /// <param name="api">The raw API.</param>
    public BifrostKeysClient(IBifrostKeysApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
        _transport = api as BifrostApi;
    }

    /// <summary>For mocking frameworks only: a client created this way has no transport.</summary>
    protected BifrostKeysClient()
    {
    }

    private BifrostKeysClient(BifrostClientOptions options, HttpMessageHandler primaryHandler, bool disposeHandler, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(primaryHandler);
        options.Validate();
        var chain = BifrostHttp.CreateHandlerChain(() => options, primaryHandler, loggerFactory);
        _ownedHttpClient = new HttpClient(chain, disposeHandler);
        BifrostHttp.ConfigureHttpClient(_ownedHttpClient, options);
        _api = BifrostHttp.CreateApi(_ownedHttpClient);
        _transport = _api as BifrostApi;
    }

    /// <inheritdoc />
    public virtual Task<ProviderKeyList> ListKeysAsync(string provider, CancellationToken cancellationToken = default)
    {
        PathSegment.Validate(provider, nameof(provider));
        return Required(_api.ListKeysAsync(provider, cancellationToken), Routes.ListKeys);
    }

    /// <inheritdoc />
    public virtual async Task<ProviderKey> CreateKeyAsync(string provider, ProviderKey key, CancellationToken cancellationToken = default)
    {
        PathSegment.Validate(provider, nameof(provider));
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrWhiteSpace(key.Id))
        {
            key = key.Clone();
            key.Id = Guid.NewGuid().ToString();
        }
        else
        {
            PathSegment.Validate(key.Id, nameof(key));
        }

        RawBodyGuard.EnsureNoPlainMask(key);

        try
        {
            return await Required(_api.CreateKeyAsync(provider, key, cancellationToken), Routes.CreateKey).ConfigureAwait(false);
        }
        catch (BifrostConflictException conflict) when (conflict.Attempts > 1)
        {
            // An earlier attempt may have landed before its answer was lost: read the key back (CONTRACT §9).
            ProviderKey? existing = null;
            try
            {
                existing = await _api.GetKeyAsync(provider, key.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (BifrostNotFoundException)
            {
            }

            // Names are unique across providers, so the same id and name means this call created it.
            if (existing is not null && string.Equals(existing.Name, key.Name, StringComparison.Ordinal))
            {
                return existing;
            }

            ExceptionDispatchInfo.Capture(conflict).Throw();
            throw;
        }
    }

    /// <inheritdoc />
    public virtual Task<ProviderKey> GetKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default)
    {
        PathSegment.Validate(provider, nameof(provider));
        PathSegment.Validate(keyId, nameof(keyId));
        return Required(_api.GetKeyAsync(provider, keyId, cancellationToken), Routes.GetKey);
    }

    /// <inheritdoc />
    public virtual Task<ProviderKey> UpdateKeyAsync(string provider, string keyId, ProviderKey key, CancellationToken cancellationToken = default)
    {
        PathSegment.Validate(provider, nameof(provider));
        PathSegment.Validate(keyId, nameof(keyId));
        ArgumentNullException.ThrowIfNull(key);
        if (!string.IsNullOrEmpty(key.Id) && !string.Equals(key.Id, keyId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The key's Id differs from keyId; the server would silently use keyId. Pass the matching key.", nameof(key));
        }

        RawBodyGuard.EnsureNoPlainMask(key);

        return Required(_api.UpdateKeyAsync(provider, keyId, key, cancellationToken), Routes.UpdateKey);
    }

    /// <inheritdoc />
    public virtual Task<ProviderKey> UpdateKeyAsync(string provider, string keyId, Action<ProviderKey> edit, UpdateKeyOptions? options = null, CancellationToken cancellationToken = default)
    {
        PathSegment.Validate(provider, nameof(provider));
        PathSegment.Validate(keyId, nameof(keyId));
        ArgumentNullException.ThrowIfNull(edit);
        return SafeKeyUpdater.UpdateAsync(
            provider,
            keyId,
            edit,
            options,
            KeyReader(provider, keyId),
            (body, ct) => UpdateKeyAsync(provider, keyId, body, ct),
            cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<KeyUpdatePreview> PreviewUpdateKeyAsync(string provider, string keyId, Action<ProviderKey> edit, UpdateKeyOptions? options = null, CancellationToken cancellationToken = default)
    {
        PathSegment.Validate(provider, nameof(provider));
        PathSegment.Validate(keyId, nameof(keyId));
        ArgumentNullException.ThrowIfNull(edit);
        return SafeKeyUpdater.PreviewAsync(provider, keyId, edit, options, KeyReader(provider, keyId), cancellationToken);
    }

    /// <summary>
    /// How the safe update reads the key: as raw bytes over the SDK's own transport, or through <see cref="GetKeyAsync"/>
    /// when the client runs over another <see cref="IBifrostKeysApi"/> or is a subclass (which may override it).
    /// </summary>
    private Func<CancellationToken, Task<KeyRead>> KeyReader(string provider, string keyId)
    {
        if (_transport is { } transport && GetType() == typeof(BifrostKeysClient))
        {
            return ct => transport.ReadKeyAsync(provider, keyId, ct);
        }

        return SafeKeyUpdater.Reader(ct => GetKeyAsync(provider, keyId, ct));
    }

    /// <inheritdoc />
    public virtual Task<ProviderKey> DeleteKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default)
    {
        PathSegment.Validate(provider, nameof(provider));
        PathSegment.Validate(keyId, nameof(keyId));
        return Required(_api.DeleteKeyAsync(provider, keyId, cancellationToken), Routes.DeleteKey);
    }

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<KeySummary>> ListAllKeysAsync(CancellationToken cancellationToken = default)
    {
        var rows = await _api.ListAllKeysAsync(cancellationToken).ConfigureAwait(false);
        return rows is null ? [] : rows.Where(r => r is not null).ToList();
    }

    /// <summary>
    /// A success answer with an empty body or JSON <c>null</c> where a value is required is a server fault, not a null
    /// result. The SDK's own transport checks this itself; any other <see cref="IBifrostKeysApi"/> is checked here.
    /// </summary>
    private Task<T> Required<T>(Task<T> call, string route)
        where T : class
    {
        // The SDK's transport, or an answer already in hand: hand back the same task rather than wrap it in another.
        if (_transport is not null)
        {
            return call;
        }

        if (call.IsCompletedSuccessfully)
        {
            return call.Result is null ? Task.FromException<T>(Routes.EmptyAnswer(route)) : call;
        }

        return RequiredAsync(call, route);

        static async Task<T> RequiredAsync(Task<T> call, string route) =>
            await call.ConfigureAwait(false) ?? throw Routes.EmptyAnswer(route);
    }

    /// <summary>Releases the connection pool when the client created its own.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection pool when the client created its own.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }
}
