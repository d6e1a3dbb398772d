using System.Text.Json.Nodes;
using Bifrost.Client.Testing;
using Bifrost.Client.Tests.Docs;
using Microsoft.Extensions.DependencyInjection;

namespace Bifrost.Client.Tests.Sample;

/// <summary>
/// The README's "First example" and docs/getting-started.md, run against the emulator: the code is the compiled copy
/// in <see cref="DocExamples"/>, which ReadmeExamplesTests keeps identical to the docs.
/// </summary>
public sealed class ReadmeFirstExampleTests
{
    [Fact]
    public async Task First_example_reweights_allows_a_model_and_rotates_the_client_secret_only()
    {
        const string token = "bfst-readme-token";
        await using var emulator = new BifrostEmulator(o =>
        {
            o.Authentication.IsEnabled = true;
            o.Authentication.BearerTokens.Add(token);
            o.EnvironmentVariables["AZURE_CLIENT_SECRET"] = "azsec~rotated-0123456789";
        });
        var seeded = emulator.SeedKey("azure", new JsonObject
        {
            ["id"] = "a1", ["name"] = "azure-prod", ["value"] = "3f9a7c2e5b8d41f09a6e3c7b2d5fc21e",
            ["models"] = new JsonArray("gpt-4o"), ["weight"] = 1,
            ["azure_key_config"] = new JsonObject
            {
                ["endpoint"] = "https://contoso.openai.azure.com", ["client_id"] = "11111111-2222-3333-4444-555555555555",
                ["client_secret"] = "azsec~original-0123456789", ["tenant_id"] = "66666666-7777-8888-9999-000000000000",
            },
        });
        var address = await emulator.StartAsync();

        var updated = await DocExamples.Readme_FirstExample(address, token, "a1");

        Assert.Equal(0.5, updated.Weight);
        var stored = emulator.GetStoredKey("azure", "a1")!;
        Assert.Equal(["gpt-4o", "gpt-4o-mini"], stored["models"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("env.AZURE_CLIENT_SECRET", stored["azure_key_config"]!["client_secret"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(seeded["value"], stored["value"]));
        foreach (var untouched in new[] { "endpoint", "client_id", "tenant_id" })
        {
            Assert.True(JsonNode.DeepEquals(seeded["azure_key_config"]![untouched], stored["azure_key_config"]![untouched]), untouched);
        }
    }

    [Fact]
    public async Task Getting_started_first_read_and_preview_write_nothing()
    {
        await using var emulator = new BifrostEmulator();
        emulator.SeedKey("azure", """
            {"id":"a1","name":"azure-prod","value":"3f9a7c2e5b8d41f09a6e3c7b2d5fc21e","models":["gpt-4o"],"weight":1,
             "azure_key_config":{"endpoint":"https://contoso.openai.azure.com"}}
            """);
        var address = await emulator.StartAsync();
        var services = new ServiceCollection();
        services.AddBifrostClient(o => o.BaseAddress = address);
        await using var provider = services.BuildServiceProvider();

        await DocExamples.GettingStarted_FirstRead(provider);
        var preview = await DocExamples.GettingStarted_Preview(provider.GetRequiredService<IBifrostKeysClient>(), "a1");

        Assert.Equal(["weight"], preview.Changes.Select(c => c.Path));
        Assert.DoesNotContain(emulator.Journal.Entries, e => e.Method != "GET");
    }
}
