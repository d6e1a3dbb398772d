using System.Text.Json.Nodes;
using Bifrost.Client.Sample;
using Bifrost.Client.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bifrost.Client.Tests.Sample;

/// <summary>The sample's workflow and command line, run against the emulator (in memory, or on loopback).</summary>
public sealed class SampleWorkflowTests
{
    [Fact]
    public async Task Workflow_reweights_allows_a_model_rotates_one_secret_keeps_the_rest_and_prints_no_secret()
    {
        var (seed, emulator) = EmulatorSeed.Create();
        await using var _ = emulator;
        var azureBefore = emulator.GetStoredKey("azure", EmulatorSeed.AzureKeyId)!;
        var bedrockBefore = emulator.GetStoredKey("bedrock", EmulatorSeed.BedrockKeyId)!;
        var output = new StringWriter();

        // In memory: the handler ignores the host, and a loopback address lets the bearer token travel over http://.
        await using (var services = SampleServices.Build(
            new Uri("http://127.0.0.1/"), BifrostCredential.BearerToken(seed.BearerToken), verbose: false, primaryHandler: emulator.CreateHandler))
        {
            var workflow = new Workflow(services.GetRequiredService<IBifrostKeysClient>(), emulator, seed, new ConsoleReport(output));
            Assert.True(await workflow.RunAsync(CancellationToken.None), output.ToString());
        }

        var azure = emulator.GetStoredKey("azure", EmulatorSeed.AzureKeyId)!;
        Assert.Equal(0.5, azure["weight"]!.GetValue<double>());
        Assert.Equal(["gpt-4o", "gpt-4o-mini"], azure["models"]!.AsArray().Select(m => m!.GetValue<string>()));

        var newSecret = azure["azure_key_config"]!["client_secret"]!.GetValue<string>();
        Assert.NotEqual(azureBefore["azure_key_config"]!["client_secret"]!.GetValue<string>(), newSecret);
        Assert.StartsWith("azsec~", newSecret, StringComparison.Ordinal); // a real new value, not a mask

        foreach (var untouched in new[] { "endpoint", "client_id", "tenant_id" })
        {
            Assert.True(JsonNode.DeepEquals(azureBefore["azure_key_config"]![untouched], azure["azure_key_config"]![untouched]), untouched);
        }

        Assert.True(JsonNode.DeepEquals(azureBefore["value"], azure["value"]));
        Assert.True(JsonNode.DeepEquals(azureBefore["aliases"], azure["aliases"]));
        Assert.True(JsonNode.DeepEquals(bedrockBefore, emulator.GetStoredKey("bedrock", EmulatorSeed.BedrockKeyId)));
        Assert.Equal("env." + EmulatorSeed.OpenAiNextVariable, emulator.GetStoredKey("openai", EmulatorSeed.OpenAiKeyId)!["value"]!.GetValue<string>());

        // Two updates were written (Azure, OpenAI); the refused unsafe edit sent nothing.
        Assert.Equal(2, emulator.Journal.Entries.Count(e => e.Method == "PUT"));

        var text = output.ToString();
        Assert.Contains("MaskAsNewValue", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[FAIL]", text, StringComparison.Ordinal);
        Assert.Contains(newSecret, seed.Secrets);
        Assert.All(seed.Secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task App_without_settings_runs_the_walkthrough_on_a_loopback_emulator_and_exits_zero()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await SampleApp.RunAsync([], _ => null, output, error, CancellationToken.None);

        Assert.True(exit == SampleApp.ExitOk, output + "\n" + error);
        Assert.Contains("http://127.0.0.1:", output.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("Done." + Environment.NewLine, output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", error.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task App_against_a_server_reads_and_previews_and_writes_only_with_apply(bool apply)
    {
        const string token = "bfst-remote-test-token";
        const string rawValue = "sk-remote-canary-0123456789abcdef";
        await using var server = new BifrostEmulator(o =>
        {
            o.Authentication.IsEnabled = true;
            o.Authentication.BearerTokens.Add(token);
        });
        server.SeedKey("openai", new JsonObject
        {
            ["id"] = "k1", ["name"] = "main", ["value"] = rawValue, ["models"] = new JsonArray("*"), ["weight"] = 1.0,
        });
        var address = await server.StartAsync();
        var env = new Dictionary<string, string> { ["BIFROST_URL"] = address.ToString(), ["BIFROST_TOKEN"] = token };
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await SampleApp.RunAsync(apply ? ["--apply"] : [], env.GetValueOrDefault, output, error, CancellationToken.None);

        Assert.True(exit == SampleApp.ExitOk, output + "\n" + error);
        var stored = server.GetStoredKey("openai", "k1")!;
        Assert.Equal(apply ? 0.5 : 1, stored["weight"]!.GetValue<double>());
        Assert.Equal(rawValue, stored["value"]!.GetValue<string>());
        Assert.Equal(apply ? 1 : 0, server.Journal.Entries.Count(e => e.Method == "PUT"));
        Assert.Contains("weight", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(rawValue, output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token, output.ToString() + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_with_a_wrong_token_fails_with_a_clear_message_and_no_stack_trace()
    {
        await using var server = new BifrostEmulator(o =>
        {
            o.Authentication.IsEnabled = true;
            o.Authentication.BearerTokens.Add("bfst-right");
        });
        var address = await server.StartAsync();
        var env = new Dictionary<string, string> { ["BIFROST_URL"] = address.ToString(), ["BIFROST_TOKEN"] = "bfst-wrong-canary" };
        var error = new StringWriter();

        var exit = await SampleApp.RunAsync([], env.GetValueOrDefault, new StringWriter(), error, CancellationToken.None);

        Assert.Equal(SampleApp.ExitFailed, exit);
        Assert.StartsWith("error: the server refused the credential (401)", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bfst-wrong-canary", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BIFROST_TOKEN", "bfst-x")]   // a credential without a server
    [InlineData("BIFROST_WEIGHT", "-1")]
    public async Task App_with_invalid_settings_prints_usage_and_exits_two(string name, string value)
    {
        var env = new Dictionary<string, string> { [name] = value };
        if (name != "BIFROST_TOKEN")
        {
            env["BIFROST_URL"] = "http://127.0.0.1:9/";
        }

        var error = new StringWriter();
        var exit = await SampleApp.RunAsync([], env.GetValueOrDefault, new StringWriter(), error, CancellationToken.None);

        Assert.Equal(SampleApp.ExitUsage, exit);
        Assert.StartsWith("error: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage:", error.ToString(), StringComparison.Ordinal);
    }
}
