using System.Text.Json.Nodes;
using Bifrost.Client.Testing;
using Bifrost.Client.Tests.Http;
using Microsoft.Extensions.Time.Testing;

namespace Bifrost.Client.Tests.Security;

/// <summary>
/// Runs every public operation of <see cref="IBifrostKeysClient"/> against the emulator with canary credentials and
/// canary secrets, on success and failure paths, and shows everything they produce to a <see cref="CanaryRig"/>.
/// </summary>
public sealed class CanaryScenarios
{
    private static readonly Uri InMemory = new("https://bifrost.test/");

    private readonly CanaryRig _rig;
    private readonly string _token;
    private readonly string _password;

    public CanaryScenarios(CanaryRig rig)
    {
        _rig = rig;
        _token = rig.Canary("bearer-token");
        _password = rig.Canary("basic-password");
    }

    /// <summary>The number of scenarios that ended in an exception (each one recorded).</summary>
    public int Failures { get; private set; }

    public async Task RunAllAsync()
    {
        await using var emulator = new BifrostEmulator(o =>
        {
            o.Authentication.IsEnabled = true;
            o.Authentication.BearerTokens.Add(_token);
            o.Authentication.AdminUsername = "admin";
            o.Authentication.AdminPassword = _password;
        });

        var time = new FakeTimeProvider(TestClients.Start);
        using var bearer = Client(emulator.CreateHandler(), BifrostCredential.BearerToken(_token), time);
        using var basic = Client(emulator.CreateHandler(), BifrostCredential.Basic("admin", _password), time);

        // Success paths: create one key per shape, then read, list, update (raw and safe), preview, delete.
        var keys = new List<(string Provider, ProviderKey Key)>
        {
            ("openai", new ProviderKey { Name = "canary-openai", Value = Secret("openai-value"), Models = ["*"], Weight = 1 }),
            ("azure", new ProviderKey
            {
                Name = "canary-azure", Value = Secret("azure-value"), Models = ["gpt-4o"], Weight = 1,
                Config = new AzureKeyConfig
                {
                    Endpoint = SecretValue.Literal("https://" + _rig.Canary("azure-endpoint") + ".openai.azure.com"),
                    ClientId = Secret("azure-client-id"), ClientSecret = Secret("azure-client-secret"), TenantId = Secret("azure-tenant-id"),
                },
            }),
            ("bedrock", new ProviderKey
            {
                Name = "canary-bedrock", Value = SecretValue.Empty, Models = ["*"], Weight = 1,
                Config = new BedrockKeyConfig
                {
                    AccessKey = Secret("bedrock-access-key"), SecretKey = Secret("bedrock-secret-key"), SessionToken = Secret("bedrock-session-token"),
                    Region = Secret("bedrock-region"), RoleArn = Secret("bedrock-role-arn"), ExternalId = Secret("bedrock-external-id"),
                },
            }),
            ("vertex", new ProviderKey
            {
                Name = "canary-vertex", Value = SecretValue.Empty, Models = ["*"], Weight = 1,
                Config = new VertexKeyConfig { ProjectId = Secret("vertex-project-id"), Region = Secret("vertex-region"), AuthCredentials = Secret("vertex-auth-credentials") },
            }),
            ("vllm", new ProviderKey
            {
                Name = "canary-vllm", Value = Secret("vllm-value"), Models = ["*"], Weight = 1,
                Config = new VllmKeyConfig { Url = SecretValue.Literal("http://" + _rig.Canary("vllm-url") + ".internal:8000"), ModelName = "llama" },
            }),
        };

        var created = new List<(string Provider, ProviderKey Key)>();
        foreach (var (provider, key) in keys)
        {
            _rig.ShowObject("key to create", key);
            ProviderKey saved = await Run("create " + provider, () => bearer.CreateKeyAsync(provider, key));
            created.Add((provider, saved));
        }

        foreach (var (provider, key) in created)
        {
            await Run("get", () => bearer.GetKeyAsync(provider, key.Id!));
            await Run("get (basic)", () => basic.GetKeyAsync(provider, key.Id!));
            await Run("list", () => bearer.ListKeysAsync(provider));
            ProviderKey read = await Run("get for raw update", () => bearer.GetKeyAsync(provider, key.Id!));
            read.Weight = 0.75;
            await Run("raw update", () => bearer.UpdateKeyAsync(provider, key.Id!, read));
            await Run("safe update", () => bearer.UpdateKeyAsync(provider, key.Id!, k => k.Weight = 0.5));
            await Run("preview", () => bearer.PreviewUpdateKeyAsync(provider, key.Id!, k => k.Weight = 0.25));
        }

        await Run("list all", () => bearer.ListAllKeysAsync());

        // A secret replaced by a new canary: preview and update.
        var (openai, openaiKey) = created[0];
        string rotated = _rig.Canary("rotated-value");
        await Run("preview rotation", () => bearer.PreviewUpdateKeyAsync(openai, openaiKey.Id!, k => k.Value = SecretValue.Literal(rotated)));
        await Run("rotation", () => bearer.UpdateKeyAsync(openai, openaiKey.Id!, k => k.Value = SecretValue.Literal(rotated)));

        await FailureScenariosAsync(emulator, bearer, basic, created, time);

        foreach (var (provider, key) in created)
        {
            await Run("delete", () => bearer.DeleteKeyAsync(provider, key.Id!));
        }

        // The emulator's own displays: the emulator, its faults and its journal (whose Body is, by design, the raw request).
        _rig.Shown("emulator ToString", emulator.ToString());
        foreach (EmulatorJournalEntry entry in emulator.Journal.Entries)
        {
            _rig.Shown("journal entry ToString", entry.ToString());
            _rig.Shown("journal headers", string.Join("; ", entry.Headers.Select(h => h.Key + ": " + h.Value)));
            _rig.Shown("journal fault", entry.Fault?.ToString());
        }
    }

    private async Task FailureScenariosAsync(BifrostEmulator emulator, BifrostKeysClient bearer, BifrostKeysClient basic, List<(string Provider, ProviderKey Key)> created, FakeTimeProvider time)
    {
        var (openai, openaiKey) = created[0];
        var (azure, azureKey) = created[1];

        // 404, 409 (duplicate name, with a canary secret in the body), 400 (the server echoes a canary region).
        await Fail<BifrostNotFoundException>("404", () => bearer.GetKeyAsync(openai, "no-such-key"));
        await Fail<BifrostNotFoundException>("404 delete", () => bearer.DeleteKeyAsync(openai, "no-such-key"));
        await Fail<BifrostConflictException>("409", () => bearer.CreateKeyAsync(openai, new ProviderKey { Name = "canary-openai", Value = Secret("duplicate-value"), Models = ["*"] }));
        await Fail<BifrostValidationException>("400 echo", () => bearer.CreateKeyAsync("bedrock", new ProviderKey
        {
            Name = "canary-bad-region", Models = ["*"],
            Config = new BedrockKeyConfig { AccessKey = Secret("bad-access-key"), SecretKey = Secret("bad-secret-key"), Region = SecretValue.Literal(_rig.Canary("invalid-region").ToUpperInvariant()) },
        }));
        await Fail<BifrostValidationException>("400 empty value", () => bearer.CreateKeyAsync(openai, new ProviderKey { Name = "canary-empty", Value = SecretValue.Empty, Models = ["*"] }));

        // 401: an unknown token, a wrong Basic password, a virtual key, and a 401 whose message echoes the token.
        string wrongToken = _rig.Canary("wrong-token");
        using (var wrong = Client(emulator.CreateHandler(), BifrostCredential.BearerToken(wrongToken), time))
        {
            await Fail<BifrostAuthenticationException>("401 token", () => wrong.GetKeyAsync(openai, openaiKey.Id!));
        }

        using (var wrongBasic = Client(emulator.CreateHandler(), BifrostCredential.Basic("admin", _rig.Canary("wrong-password")), time))
        {
            await Fail<BifrostAuthenticationException>("401 basic", () => wrongBasic.ListKeysAsync(openai));
        }

        using (var virtualKey = Client(emulator.CreateHandler(), BifrostCredential.VirtualKey("sk-bf-" + _rig.Canary("virtual-key")), time))
        {
            var refused = await Fail<BifrostAuthenticationException>("401 virtual key", () => virtualKey.ListAllKeysAsync());
            Assert.True(refused.IsVirtualKeyRejected);
        }

        emulator.Faults.Add(EmulatorFault.Status(401, "invalid token " + _token));
        await Fail<BifrostAuthenticationException>("401 echoing the token", () => bearer.GetKeyAsync(openai, openaiKey.Id!));

        // 500 whose body echoes the request: a JSON error and an HTML page (retried, then surfaced).
        string echoed = _rig.Canary("echoed-value");
        emulator.Faults.Add(EmulatorFault.Status(500, $"Failed to update provider key: value {echoed} rejected; Authorization: Bearer {_token}").Times(4));
        await Fail<BifrostApiException>("500 json echo", () => bearer.UpdateKeyAsync(openai, openaiKey.Id!, new ProviderKey { Id = openaiKey.Id, Name = "canary-openai", Value = SecretValue.Literal(echoed), Models = ["*"], Weight = 1 }));
        string echoedHtml = _rig.Canary("echoed-html");
        emulator.Faults.Add(EmulatorFault.RawResponse(500, $"<html><body>Internal error for {echoedHtml} from admin:{_password}</body></html>", "text/html").Times(4));
        await Fail<BifrostApiException>("500 html echo", () => basic.CreateKeyAsync(openai, new ProviderKey { Name = "canary-html", Value = SecretValue.Literal(echoedHtml), Models = ["*"] }));

        // A timeout (each attempt hangs until the fake clock passes the attempt timeout) and dropped connections.
        emulator.Faults.Add(EmulatorFault.Delayed(TimeSpan.FromHours(1)).Times(4));
        await Fail<BifrostTimeoutException>("timeout", () => TestClients.DriveAsync(bearer.GetKeyAsync(azure, azureKey.Id!), time, TimeSpan.FromSeconds(1)));
        emulator.Faults.Clear();
        emulator.Faults.Add(EmulatorFault.DropConnection().Times(4));
        await Fail<HttpRequestException>("dropped (in memory)", () => bearer.UpdateKeyAsync(azure, azureKey.Id!, k => k.Weight = 0.1));
        Uri loopback = await emulator.StartAsync();
        using (var overLoopback = Client(new SocketsHttpHandler(), BifrostCredential.BearerToken(_token), time, loopback))
        {
            emulator.Faults.Add(EmulatorFault.DropConnection().Times(4));
            await Fail<HttpRequestException>("dropped (loopback)", () => overLoopback.GetKeyAsync(azure, azureKey.Id!));
            await Run("loopback get", () => overLoopback.GetKeyAsync(azure, azureKey.Id!));
        }

        await emulator.StopAsync();

        // Refused edits: a mask sent as a new secret, a dropped block, emptied models next to a new canary, a bad weight.
        await Fail<UnsafeUpdateException>("unsafe mask", () => bearer.UpdateKeyAsync(openai, openaiKey.Id!, k => k.Value = SecretValue.Literal(k.Value!.Mask ?? "sk-p************************9xQA")));
        await Fail<UnsafeUpdateException>("unsafe block", () => bearer.UpdateKeyAsync(azure, azureKey.Id!, k => k.Config = null));
        string unsent = _rig.Canary("unsent-value");
        await Fail<UnsafeUpdateException>("unsafe models", () => bearer.UpdateKeyAsync(openai, openaiKey.Id!, k =>
        {
            k.Value = SecretValue.Literal(unsent);
            k.Models.Clear();
        }));
        await Fail<UnsafeUpdateException>("unsafe weight", () => bearer.PreviewUpdateKeyAsync(azure, azureKey.Id!, k => k.Weight = double.NaN));

        // The key changes between the read and the write.
        await Fail<KeyChangedException>("changed", () => bearer.UpdateKeyAsync(azure, azureKey.Id!, k =>
        {
            JsonObject stored = emulator.GetStoredKey(azure, azureKey.Id!)!;
            stored["weight"] = 0.33;
            emulator.SeedKey(azure, stored);
            k.Weight = 0.9;
        }));

        // Arguments refused before any request.
        await Fail<ArgumentException>("argument", () => bearer.GetKeyAsync("open/../ai", ".."));
        Assert.Throws<ArgumentException>(() => BifrostCredential.BearerToken("sk-bf-" + _rig.Canary("virtual-as-token")));
    }

    private BifrostKeysClient Client(HttpMessageHandler handler, BifrostCredential credential, FakeTimeProvider time, Uri? address = null)
    {
        var options = new BifrostClientOptions
        {
            BaseAddress = address ?? InMemory,
            Credential = credential,
            RetryBaseDelay = TimeSpan.Zero,
            AttemptTimeout = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(60),
            TimeProvider = time,
        };
        _rig.ShowObject("options", options);
        var client = new BifrostKeysClient(options, handler, _rig.LoggerFactory);
        _rig.ShowObject("client", client);
        return client;
    }

    private SecretValue Secret(string role) => SecretValue.Literal(_rig.Canary(role));

    private async Task<T> Run<T>(string what, Func<Task<T>> call)
    {
        T result = await call();
        _rig.ShowObject(what, result);
        return result;
    }

    private async Task<TException> Fail<TException>(string what, Func<Task> call)
        where TException : Exception
    {
        TException exception = await Assert.ThrowsAnyAsync<TException>(call);
        Failures++;
        _rig.ShowException(what, exception);
        return exception;
    }
}
