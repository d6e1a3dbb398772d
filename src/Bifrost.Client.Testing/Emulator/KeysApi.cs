using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bifrost.Client.Testing.Hosting;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// The key endpoints (CONTRACT §1) on top of the store, following the server's flow (§6.1): parse, provider,
/// stored key, id from the path, merge, validate, save, answer masked.
/// </summary>
internal sealed class KeysApi
{
    private const string UniqueNameMessage = "API key names must be unique across providers. Choose a different name";
    private readonly ServerContext _server;
    private readonly KeyStore _store;
    private readonly KeyRedactor _redactor;
    private readonly KeyMerger _merger;
    private readonly AuthGate _auth;
    private readonly IReadOnlyDictionary<string, ProviderEntry> _providers;

    public KeysApi(ServerContext server, KeyStore store, AuthGate auth, IReadOnlyDictionary<string, ProviderEntry> providers)
    {
        _server = server;
        _store = store;
        _auth = auth;
        _providers = providers;
        _redactor = new KeyRedactor(server);
        _merger = new KeyMerger(server, _redactor);
    }

    public EmulatorHttpResponse ListAll() =>
        EmulatorHttpResponse.Json(200, new JsonArray([.. _store.All().Select(r => (JsonNode)KeyRedactor.ToSummaryRow(r.Provider, r.Key))]));

    public EmulatorHttpResponse List(string provider)
    {
        Provider(provider);
        IReadOnlyList<JsonObject> keys = _store.List(provider);
        return EmulatorHttpResponse.Json(200, new JsonObject
        {
            ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)_redactor.ToWire(k))]),
            ["total"] = keys.Count,
        });
    }

    public EmulatorHttpResponse Get(string provider, string keyId)
    {
        Provider(provider);
        return EmulatorHttpResponse.Json(200, _redactor.ToWire(StoredKey(provider, keyId)));
    }

    public EmulatorHttpResponse Create(string provider, byte[] body)
    {
        JsonObject incoming = ParseBody(body);
        ProviderEntry entry = Provider(provider);
        if (entry.IsKeyLess)
        {
            throw new ApiErrorException(400, "Cannot add keys to a keyless provider");
        }

        lock (_store.Gate)
        {
            string id = incoming["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0
                ? v.GetValue<string>()
                : Guid.NewGuid().ToString();
            JsonObject key = MergeOrThrow(incoming, stored: null, id);
            CheckBeforeSave(key, stored: null, entry, isCreate: true);
            _store.Save(provider, key);
            return EmulatorHttpResponse.Json(200, _redactor.ToWire(key));
        }
    }

    public EmulatorHttpResponse Update(string provider, string keyId, byte[] body)
    {
        JsonObject incoming = ParseBody(body);
        ProviderEntry entry = Provider(provider);
        if (entry.IsKeyLess)
        {
            throw new ApiErrorException(400, "Cannot update keys on a keyless provider");
        }

        lock (_store.Gate)
        {
            JsonObject stored = StoredKey(provider, keyId);
            JsonObject key = MergeOrThrow(incoming, stored, keyId); // the path key_id wins over the body id
            CheckBeforeSave(key, stored, entry, isCreate: false);
            _store.Save(provider, key);
            return EmulatorHttpResponse.Json(200, _redactor.ToWire(key));
        }
    }

    public EmulatorHttpResponse Delete(string provider, string keyId)
    {
        ProviderEntry entry = Provider(provider);
        if (entry.IsKeyLess)
        {
            throw new ApiErrorException(400, "Cannot delete keys on a keyless provider");
        }

        lock (_store.Gate)
        {
            JsonObject stored = StoredKey(provider, keyId);
            _store.Remove(provider, keyId);
            return EmulatorHttpResponse.Json(200, _redactor.ToWire(stored));
        }
    }

    private JsonObject MergeOrThrow(JsonObject incoming, JsonObject? stored, string id)
    {
        try
        {
            return _merger.Merge(incoming, stored, id);
        }
        catch (InvalidPayloadException ex)
        {
            throw PayloadError(ex.Message);
        }
    }

    private void CheckBeforeSave(JsonObject key, JsonObject? stored, ProviderEntry provider, bool isCreate)
    {
        if (!_auth.IsEnabled && _auth.GuardEndpointChanges
            && EndpointGuard.ChangedDialTargets(key, stored) is { Count: > 0 } changed)
        {
            throw new ApiErrorException(403, EndpointGuard.Message(changed));
        }

        KeyValidator.Validate(key, stored, provider, _server.Generation);

        string failure = isCreate ? "Failed to create provider key: " : "Failed to update provider key: ";
        if (_server.Generation != ServerGeneration.C && KeyValidator.FindSaveTimeError(key) is { } saveError)
        {
            throw new ApiErrorException(500, failure + saveError);
        }

        string id = RawJson.Text(key["id"]);
        bool idClash = isCreate && _store.IsIdTaken(id);
        bool nameClash = _store.IsNameTaken(RawJson.Text(key["name"]), id);
        if (!idClash && !nameClash)
        {
            return;
        }

        if (_server.Generation != ServerGeneration.A)
        {
            throw new ApiErrorException(409, UniqueNameMessage);
        }

        // Gen A: the raw database error; 409 on create, 500 on update (§7.2).
        string dbError = "UNIQUE constraint failed: " + (idClash ? "config_keys.key_id" : "config_keys.name");
        throw isCreate ? new ApiErrorException(409, dbError) : new ApiErrorException(500, failure + dbError);
    }

    private ProviderEntry Provider(string provider) =>
        _providers.TryGetValue(provider, out ProviderEntry? entry)
            ? entry
            : throw new ApiErrorException(404, "Provider not found: provider '" + provider + "' is not configured");

    private JsonObject StoredKey(string provider, string keyId) =>
        _store.Find(provider, keyId) ?? throw new ApiErrorException(404, "Provider key not found: not found");

    private JsonObject ParseBody(byte[] body)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(Encoding.UTF8.GetString(body));
        }
        catch (JsonException ex)
        {
            throw PayloadError(ex.Message);
        }

        return node as JsonObject ?? throw PayloadError("cannot unmarshal " + (node?.GetValueKind() ?? JsonValueKind.Null).ToString().ToLowerInvariant() + " into Go value of type Key");
    }

    private ApiErrorException PayloadError(string detail) =>
        new(400, _server.Generation == ServerGeneration.A ? "Invalid JSON: " + detail : "Invalid request payload");
}
