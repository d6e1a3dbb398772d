using System.Text.Json.Nodes;
using Bifrost.Client;
using Bifrost.Client.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bifrost.Client.Tests.Docs;

// The csharp blocks of README.md and docs/*.md, one method per block, copied verbatim so that the build compiles them
// against the real API. ReadmeExamplesTests fails when a block in the docs is not found here (whitespace-normalised).
// To add a block: add a method named <Doc>_<Section>, take the block's free variables as parameters, and paste the
// block as its body. Leading 'using X;' lines of a block go to the top of this file.
#pragma warning disable CA1822, CA2016, IDE0059, IDE0060, CS0219 // examples: values are shown, not used; a doc shows ct on one call only

/// <summary>The documentation examples, compiled.</summary>
internal static class DocExamples
{
    // README.md: First example
    public static async Task<ProviderKey> Readme_FirstExample(Uri bifrostUrl, string token, string keyId)
    {
        var services = new ServiceCollection();
        services.AddBifrostClient(o =>
        {
            o.BaseAddress = bifrostUrl;                          // https://bifrost.example.com/
            o.Credential = BifrostCredential.BearerToken(token); // a management API key
        });
        await using var provider = services.BuildServiceProvider();
        var bifrost = provider.GetRequiredService<IBifrostKeysClient>();

        foreach (KeySummary row in await bifrost.ListAllKeysAsync())
        {
            Console.WriteLine($"{row.Provider,-10} {row.KeyId} {row.Name} weight={row.Weight}");
        }

        // Re-weight, allow a model and rotate one secret. Every other stored secret is kept.
        ProviderKey updated = await bifrost.UpdateKeyAsync("azure", keyId, key =>
        {
            key.Weight = 0.5;
            key.Models.Add("gpt-4o-mini");
            if (key.Config is AzureKeyConfig azure)
            {
                azure.ClientSecret = SecretValue.FromEnvironment("AZURE_CLIENT_SECRET");
            }
        });
        Console.WriteLine(updated.Value); // masked: secrets never print
        return updated;
    }

    // docs/getting-started.md: Register the client
    public static void GettingStarted_Register(IServiceCollection services)
    {
        services.AddBifrostClient(o =>
        {
            o.BaseAddress = new Uri("https://bifrost.example.com/");
            o.Credential = BifrostCredential.BearerToken(Environment.GetEnvironmentVariable("BIFROST_TOKEN")!);
        });
    }

    // docs/getting-started.md: First read
    public static async Task GettingStarted_FirstRead(IServiceProvider provider)
    {
        IBifrostKeysClient bifrost = provider.GetRequiredService<IBifrostKeysClient>();

        foreach (KeySummary row in await bifrost.ListAllKeysAsync())
        {
            Console.WriteLine($"{row.Provider,-10} {row.KeyId} {row.Name} weight={row.Weight}");
        }

        ProviderKeyList azure = await bifrost.ListKeysAsync("azure");
        foreach (ProviderKey key in azure.Keys)
        {
            Console.WriteLine($"{key.Id} {key.Name} value={key.Value}");   // prints the server's mask, never the secret
        }
    }

    // docs/getting-started.md: First safe update
    public static async Task<ProviderKey> GettingStarted_FirstSafeUpdate(IBifrostKeysClient bifrost, string keyId)
    {
        ProviderKey updated = await bifrost.UpdateKeyAsync("azure", keyId, key =>
        {
            key.Weight = 0.5;
            key.Models.Add("gpt-4o-mini");
            if (key.Config is AzureKeyConfig azure)
            {
                azure.ClientSecret = SecretValue.FromEnvironment("AZURE_CLIENT_SECRET");   // rotate one secret
            }
        });
        return updated;
    }

    // docs/getting-started.md: preview
    public static async Task<KeyUpdatePreview> GettingStarted_Preview(IBifrostKeysClient bifrost, string keyId)
    {
        KeyUpdatePreview preview = await bifrost.PreviewUpdateKeyAsync("azure", keyId, KeyEdits.SetWeight(0.5));
        Console.WriteLine(preview);   // safe to print: secrets appear only masked
        return preview;
    }

    // docs/safe-updates.md: One-call shortcuts
    public static async Task SafeUpdates_Shortcuts(IBifrostKeysClient client, string keyId, string newSecret, CancellationToken ct)
    {
        await client.RotateSecretAsync("openai", keyId, SecretValue.FromEnvironment("OPENAI_KEY_2"));
        await client.RotateSecretAsync("azure", keyId, "azure_key_config.client_secret", SecretValue.Literal(newSecret));
        await client.SetWeightAsync("openai", keyId, 0.25);
        await client.AllowModelsAsync("openai", keyId, ["o3", "o4-mini"]);
        await client.BlockModelsAsync("openai", keyId, ["gpt-3.5-turbo"]);
        await client.DisableKeyAsync("openai", keyId);
        await client.EnableKeyAsync("openai", keyId, new UpdateKeyOptions { VerifyUnchanged = false }, ct);
    }

    // docs/authentication.md: the client with a bearer token
    public static BifrostKeysClient Authentication_BearerToken()
    {
        var client = new BifrostKeysClient(new BifrostClientOptions
        {
            BaseAddress = new Uri("https://bifrost.example.com/"),
            Credential = BifrostCredential.BearerToken(Environment.GetEnvironmentVariable("BIFROST_TOKEN")!),
        });
        return client;
    }

    // docs/authentication.md: Dependency injection and rotation
    public static void Authentication_DependencyInjection(IServiceCollection services, IHostBuilderLike builder)
    {
        services.AddBifrostClient(builder.Configuration.GetSection("Bifrost"));   // or: AddBifrostClient(o => { … })
    }

    // docs/authentication.md: a token provider next to configuration
    public static void Authentication_TokenProvider(IServiceCollection services, IConfiguration configuration, ITokenCache tokenCache)
    {
        services.AddBifrostClient(configuration.GetSection("Bifrost"),
            o => o.Credential = BifrostCredential.FromTokenProvider(ct => tokenCache.GetAsync(ct)));
    }

    // docs/models.md: Edit in place
    public static ProviderKey Models_EditInPlace(string json, string newSecret)
    {
        var key = BifrostJson.DeserializeKey(json); // or a key the client returned
        key.Weight = 0.5;
        key.Models.Add("gpt-4.1");
        ((AzureKeyConfig)key.Config!).ClientSecret = SecretValue.Literal(newSecret);
        // everything else, untouched secrets included, is written back as it was received
        return key;
    }

    // docs/models.md: Models in your unit tests
    public static ProviderKey Models_ModelFactory()
    {
        var key = BifrostModelFactory.ProviderKey(
            id: "0a9b…", name: "openai-prod",
            value: BifrostModelFactory.ServerSecret("sk-proj-…", reference: "env.OPENAI_KEY", era: SecretWireEra.EnvVar),
            models: ["gpt-4o"], weight: 1, status: "success", configHash: "5f2c…");
        return key;
    }

    // docs/resilience.md: Changing the settings
    public static void Resilience_ChangingTheSettings(IServiceCollection services, string token)
    {
        services.AddBifrostClient(o =>
        {
            o.BaseAddress = new Uri("https://bifrost.example.com/");
            o.Credential = BifrostCredential.BearerToken(token);
            o.MaxRetries = 5;
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.Timeout = TimeSpan.FromSeconds(90);
        });
    }

    // docs/safe-updates.md: Using it
    public static async Task<ProviderKey> SafeUpdates_UsingIt(IBifrostKeysClient client, string keyId, CancellationToken ct)
    {
        ProviderKey updated = await client.UpdateKeyAsync("azure", keyId, key =>
        {
            key.Weight = 0.5;
            key.Models.Add("gpt-4o-mini");
            if (key.Config is AzureKeyConfig azure)
            {
                azure.ClientSecret = SecretValue.FromEnvironment("AZURE_CLIENT_SECRET"); // rotate one secret
            }
        }, cancellationToken: ct);
        return updated;
    }

    // docs/safe-updates.md: Ready-made edits
    public static async Task SafeUpdates_KeyEdits(IBifrostKeysClient client, string keyId, string newSecret)
    {
        await client.UpdateKeyAsync("openai", keyId, KeyEdits.RotateSecret(SecretValue.FromEnvironment("OPENAI_KEY_2")));
        await client.UpdateKeyAsync("azure", keyId, KeyEdits.RotateSecret("azure_key_config.client_secret", SecretValue.Literal(newSecret)));
        await client.UpdateKeyAsync("openai", keyId, KeyEdits.SetWeight(0.25));
        await client.UpdateKeyAsync("openai", keyId, KeyEdits.Combine(
            KeyEdits.AllowModels("o3", "o4-mini"),   // adds to models and takes them off blacklisted_models
            KeyEdits.BlockModels("gpt-3.5-turbo"),
            KeyEdits.Disable()));
    }

    // docs/testing.md: In memory (no sockets)
    public static async Task<string> Testing_InMemory()
    {
        await using var emulator = new BifrostEmulator();
        emulator.SeedKey("openai", """
            {"id":"k1","name":"prod","value":"sk-live-1234567890abcd","models":["*"],"weight":1}
            """);

        using var http = new HttpClient(emulator.CreateHandler()) { BaseAddress = emulator.BaseAddress };
        // or: using HttpClient http = emulator.CreateClient();

        string json = await http.GetStringAsync("api/providers/openai/keys/k1");
        // {"id":"k1","name":"prod","value":{"value":"sk-l************************abcd","type":"plain_text"}, ...}
        return json;
    }

    // docs/testing.md: the handler through IHttpClientFactory
    public static void Testing_HttpClientFactory(IServiceCollection services, BifrostEmulator emulator)
    {
        services.AddHttpClient("bifrost")
            .ConfigurePrimaryHttpMessageHandler(() => emulator.CreateHandler());
    }

    // docs/testing.md: On a loopback port
    public static async Task<Uri?> Testing_Loopback()
    {
        await using var emulator = new BifrostEmulator();
        Uri address = await emulator.StartAsync();      // http://127.0.0.1:<free port>/
        using var http = new HttpClient { BaseAddress = address };
        return http.BaseAddress;
    }

    // docs/testing.md: Choosing the server you test against
    public static BifrostEmulator Testing_ChoosingTheServer()
    {
        var emulator = new BifrostEmulator(o =>
        {
            o.Generation = ServerGeneration.A;          // A, B or C (default C, the newest)
            o.WireEra = EmulatorWireEra.EnvVar;           // {value, env_var, from_env}; default SecretVar {value, ref, type}
            o.MaskLiteralRegionsAndUrls = true;         // early SecretVar builds mask literal regions and URLs
            o.EnvironmentVariables["OPENAI_API_KEY"] = "sk-proj-...";   // resolves "env.OPENAI_API_KEY"
            o.AddCustomProvider("my-openai", baseProviderType: "openai");
            o.AddCustomProvider("local", "openai", isKeyLess: true);
        });
        return emulator;
    }

    // docs/testing.md: Seeding and inspecting raw keys
    public static async Task Testing_SeedingAndInspecting(BifrostEmulator emulator, HttpClient http)
    {
        emulator.SeedKey("azure", new JsonObject
        {
            ["id"] = "a1", ["name"] = "azure-prod", ["value"] = "env.AZURE_KEY",
            ["models"] = new JsonArray("gpt-4o"), ["weight"] = 1,
            ["azure_key_config"] = new JsonObject { ["endpoint"] = "https://contoso.openai.azure.com" },
        });

        await RotateKeyAsync(http);   // your code

        JsonObject stored = emulator.GetStoredKey("azure", "a1")!;   // a copy, secrets in raw form
        Assert.Equal("env.AZURE_KEY", stored["value"]!.GetValue<string>());
    }

    // docs/testing.md: Authentication
    public static BifrostEmulator Testing_Authentication()
    {
        var emulator = new BifrostEmulator(o =>
        {
            o.Authentication.IsEnabled = true;
            o.Authentication.AdminUsername = "admin";             // Basic auth and POST /api/session/login
            o.Authentication.AdminPassword = "secret";
            o.Authentication.BearerTokens.Add("bfst-test-token"); // management API keys / session tokens
        });
        return emulator;
    }

    // docs/testing.md: Faults
    public static void Testing_Faults(BifrostEmulator emulator)
    {
        // The next two PUTs answer 503 with Retry-After: 2.
        emulator.Faults.Add(EmulatorFault.Status(503).WithRetryAfter(TimeSpan.FromSeconds(2)).Times(2).When("PUT"));

        // A proxy's HTML page, an HTTP-date Retry-After, a slow answer, a dropped connection.
        emulator.Faults.Add(EmulatorFault.RawResponse(502, "<html>Bad Gateway</html>", "text/html"));
        emulator.Faults.Add(EmulatorFault.Status(429).WithRetryAfter(DateTimeOffset.UtcNow.AddSeconds(5)));
        emulator.Faults.Add(EmulatorFault.Delayed(TimeSpan.FromSeconds(30)));
        emulator.Faults.Add(EmulatorFault.DropConnection());   // HttpRequestException in memory; aborted TCP on loopback

        // emulator.Faults.AppliedCount counts every application; each EmulatorFault has its own AppliedCount and Remaining.
    }

    // docs/testing.md: The journal
    public static JsonNode Testing_Journal(BifrostEmulator emulator)
    {
        EmulatorJournalEntry put = emulator.Journal.Entries.Single(e => e.Method == "PUT");
        Assert.Equal("/api/providers/openai/keys/k1", put.Path);
        JsonNode body = JsonNode.Parse(put.Body)!;          // exactly what your code sent
        Assert.Equal(200, put.StatusCode);                  // null when the connection was dropped
        return body;
    }

    // "Your code" in docs/testing.md.
    private static Task RotateKeyAsync(HttpClient http) => http is null ? Task.CompletedTask : Task.CompletedTask;
}

/// <summary>The free variable <c>builder</c> of the docs: anything with a <c>Configuration</c>, such as a host builder.</summary>
internal interface IHostBuilderLike
{
    IConfiguration Configuration { get; }
}

/// <summary>The free variable <c>tokenCache</c> of docs/authentication.md.</summary>
internal interface ITokenCache
{
    ValueTask<string> GetAsync(CancellationToken cancellationToken);
}
