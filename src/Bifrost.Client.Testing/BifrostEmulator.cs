using System.Text.Json.Nodes;
using Bifrost.Client.Testing.Emulator;
using Bifrost.Client.Testing.Hosting;

namespace Bifrost.Client.Testing;

/// <summary>
/// An emulated Bifrost server for the provider-key management API. It stores raw keys, answers with the
/// server's masks, merges PUT bodies like the chosen <see cref="ServerGeneration"/>, validates, authenticates,
/// and can inject faults. Use it in memory through <see cref="CreateHandler"/> / <see cref="CreateClient"/>, or
/// on a real loopback port through <see cref="StartAsync"/>. Both front doors share the same state.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = new BifrostEmulator();
/// emulator.SeedKey("openai", new JsonObject { ["id"] = "k1", ["name"] = "main", ["value"] = "sk-test-1234567890", ["models"] = new JsonArray("*"), ["weight"] = 1 });
/// using HttpClient http = emulator.CreateClient();
/// string body = await http.GetStringAsync("api/providers/openai/keys/k1");
/// </code>
/// </example>
public sealed class BifrostEmulator : IAsyncDisposable, IDisposable
{
    /// <summary>The base address of the in-memory front door (no socket behind it).</summary>
    public static Uri InMemoryBaseAddress { get; } = new("http://bifrost-emulator.invalid/");

    private readonly KeyStore _store = new();
    private readonly ServerContext _server;
    private readonly AuthGate _auth;
    private readonly RequestProcessor _processor;
    private readonly Dictionary<string, ProviderEntry> _providers;
    private readonly SemaphoreSlim _hostGate = new(1, 1);
    private LoopbackHost? _host;
    private bool _disposed;

    /// <summary>Creates an emulator of the newest server (generation C, SecretVar era, auth disabled).</summary>
    public BifrostEmulator()
        : this(new BifrostEmulatorOptions())
    {
    }

    /// <summary>Creates an emulator configured by a callback on fresh options.</summary>
    /// <param name="configure">Sets the options.</param>
    public BifrostEmulator(Action<BifrostEmulatorOptions> configure)
        : this(Configure(configure))
    {
    }

    /// <summary>Creates an emulator with the given options. Later changes to <paramref name="options"/> have no effect.</summary>
    /// <param name="options">The options.</param>
    public BifrostEmulator(BifrostEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Generation = options.Generation;
        WireEra = options.WireEra;
        _server = new ServerContext(options);
        _auth = new AuthGate(options.Authentication);
        _providers = BuildProviders(options);
        var keys = new KeysApi(_server, _store, _auth, _providers);
        _processor = new RequestProcessor(new RequestRouter(keys, _auth), Faults, Journal, options.TimeProvider);
    }

    /// <summary>The update-merge generation played.</summary>
    public ServerGeneration Generation { get; }

    /// <summary>The output shape of secrets.</summary>
    public EmulatorWireEra WireEra { get; }

    /// <summary>
    /// Where to send requests: the loopback address once <see cref="StartAsync"/> has run, otherwise
    /// <see cref="InMemoryBaseAddress"/>. Always ends with <c>/</c>.
    /// </summary>
    public Uri BaseAddress => _host?.BaseAddress ?? InMemoryBaseAddress;

    /// <summary>Whether the loopback endpoint is running.</summary>
    public bool IsListening => _host is not null;

    /// <summary>Faults to inject into the next requests.</summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>Every request received, through either front door.</summary>
    public EmulatorJournal Journal { get; } = new();

    /// <summary>
    /// Creates an in-memory handler: <c>new HttpClient(emulator.CreateHandler()) { BaseAddress = emulator.BaseAddress }</c>.
    /// The handler ignores the host of the request URI and answers from this emulator.
    /// </summary>
    /// <returns>A new handler; dispose it with its <see cref="HttpClient"/>.</returns>
    public HttpMessageHandler CreateHandler()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new InMemoryHandler(_processor);
    }

    /// <summary>Creates an <see cref="HttpClient"/> on the in-memory handler with <see cref="BaseAddress"/> set.</summary>
    /// <returns>A new client; the caller disposes it.</returns>
    public HttpClient CreateClient() => new(CreateHandler(), disposeHandler: true) { BaseAddress = BaseAddress };

    /// <summary>Starts a Kestrel endpoint on <c>127.0.0.1</c> and a free port. Calling it again returns the same address.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The loopback base address (also in <see cref="BaseAddress"/>).</returns>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _hostGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _host ??= await LoopbackHost.StartAsync(_processor, cancellationToken).ConfigureAwait(false);
            return _host.BaseAddress;
        }
        finally
        {
            _hostGate.Release();
        }
    }

    /// <summary>Stops the loopback endpoint, if running. Stored keys are kept.</summary>
    /// <param name="cancellationToken">Cancels waiting for the stop.</param>
    /// <returns>A task that completes when the endpoint is closed.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _hostGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_host is not null)
            {
                await _host.DisposeAsync().ConfigureAwait(false);
                _host = null;
            }
        }
        finally
        {
            _hostGate.Release();
        }
    }

    /// <summary>
    /// Stores a raw key directly, without validation (CONTRACT Appendix A form: each secret a string, a literal
    /// or <c>env.X</c>/<c>vault.x</c>). A missing <c>id</c> gets a new UUID; a key with the same id is replaced.
    /// </summary>
    /// <param name="provider">A configured provider name.</param>
    /// <param name="rawKey">The raw key; it is copied.</param>
    /// <returns>A copy of what was stored.</returns>
    public JsonObject SeedKey(string provider, JsonObject rawKey)
    {
        ArgumentNullException.ThrowIfNull(rawKey);
        RequireProvider(provider);
        var copy = (JsonObject)rawKey.DeepClone();
        if (RawJson.Text(copy["id"]).Length == 0)
        {
            copy["id"] = Guid.NewGuid().ToString();
        }

        _store.Save(provider, copy);
        return (JsonObject)copy.DeepClone();
    }

    /// <summary>Stores a raw key given as JSON text; see <see cref="SeedKey(string, JsonObject)"/>.</summary>
    /// <param name="provider">A configured provider name.</param>
    /// <param name="rawKeyJson">A JSON object.</param>
    /// <returns>A copy of what was stored.</returns>
    public JsonObject SeedKey(string provider, string rawKeyJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rawKeyJson);
        return SeedKey(provider, JsonNode.Parse(rawKeyJson) as JsonObject
            ?? throw new ArgumentException("The raw key must be a JSON object.", nameof(rawKeyJson)));
    }

    /// <summary>A copy of a stored raw key (secrets in raw form), or <see langword="null"/> when absent.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <returns>A copy the caller may change freely.</returns>
    public JsonObject? GetStoredKey(string provider, string keyId)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(keyId);
        return _store.Find(provider, keyId)?.DeepClone() as JsonObject;
    }

    /// <summary>Copies of the stored raw keys of a provider, in insertion order.</summary>
    /// <param name="provider">The provider name.</param>
    /// <returns>Copies the caller may change freely.</returns>
    public IReadOnlyList<JsonObject> GetStoredKeys(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return [.. _store.List(provider).Select(k => (JsonObject)k.DeepClone())];
    }

    /// <summary>Removes every stored key.</summary>
    public void ClearKeys() => _store.Clear();

    /// <summary>Sets (or, with <see langword="null"/>, removes) an environment variable the server resolves <c>env.NAME</c> from.</summary>
    /// <param name="name">The variable name, without <c>env.</c>.</param>
    /// <param name="value">The value, or <see langword="null"/> to remove it.</param>
    public void SetEnvironmentVariable(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _server.SetEnvironmentVariable(name, value);
    }

    /// <summary>Accepts one more bearer token on <c>/api/*</c> (a management API key or session token).</summary>
    /// <param name="token">The token.</param>
    public void AddBearerToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _auth.AddToken(token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _disposed = true;
        _hostGate.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override string ToString() => $"BifrostEmulator (generation {Generation}, {WireEra} era, {BaseAddress})";

    private void RequireProvider(string provider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        if (!_providers.ContainsKey(provider))
        {
            throw new ArgumentException($"Provider '{provider}' is not configured on the emulator.", nameof(provider));
        }
    }

    private static BifrostEmulatorOptions Configure(Action<BifrostEmulatorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new BifrostEmulatorOptions();
        configure(options);
        return options;
    }

    private static Dictionary<string, ProviderEntry> BuildProviders(BifrostEmulatorOptions options)
    {
        var providers = new Dictionary<string, ProviderEntry>(StringComparer.Ordinal);
        foreach (string name in options.Providers)
        {
            providers[name] = new ProviderEntry(name, name, isKeyLess: false);
        }

        foreach (CustomProviderDefinition custom in options.CustomProviders.Values)
        {
            providers[custom.Name] = new ProviderEntry(custom.Name, custom.BaseProviderType, custom.IsKeyLess);
        }

        return providers;
    }
}
