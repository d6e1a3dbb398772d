using System.Text.Json.Nodes;
using Bifrost.Client.Testing;
using Bifrost.Client.Testing.Emulator;

namespace Bifrost.Client.Tests.Emulator;

/// <summary>Mask format (§5.1), recognition (§5.3) and the masked fields per era (§5.2) and output shapes (§3.2).</summary>
public sealed class RedactionTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("a", "*")]
    [InlineData("abc123", "******")]
    [InlineData("12345678", "********")]
    [InlineData("us-east-1", "us-e************************st-1")]
    [InlineData("sk-realkey1234567890abcdefghij", "sk-r************************ghij")]
    public void Mask_format_follows_the_server(string raw, string mask)
    {
        Assert.Equal(mask, ServerMask.Redact(raw));
        Assert.True(mask.Length is 0 or <= 8 or 32);
    }

    [Theory]
    [InlineData("********", true, true)]
    [InlineData("*", true, true)]
    [InlineData("abcd************************wxyz", true, true)]
    [InlineData("<redacted>", true, true)]
    [InlineData("<REDACTED>", true, false)]
    [InlineData("[redacted]", true, false)]
    [InlineData("[REDACTED]", true, false)]
    [InlineData("sk-r****ghij", false, false)]
    [InlineData("sk-r*************************ghij", false, false)]
    [InlineData("sk-…9xQA", false, false)]
    [InlineData("*********", false, false)]
    [InlineData("", false, false)]
    public void Mask_recognition_depends_on_the_era(string text, bool secretVar, bool envVar)
    {
        Assert.Equal(secretVar, ServerMask.IsPlaceholder(text, EmulatorWireEra.SecretVar));
        Assert.Equal(envVar, ServerMask.IsPlaceholder(text, EmulatorWireEra.EnvVar));
    }

    [Fact]
    public async Task Newer_SecretVar_builds_return_literal_regions_and_urls_verbatim_and_mask_references()
    {
        await using var emulator = new BifrostEmulator(o => o.EnvironmentVariables["VLLM_URL"] = "https://vllm.internal.example:8000/v1");
        emulator.SeedKey("vertex", """{"id":"v1","name":"v","value":"","vertex_key_config":{"project_id":"acme-genai-prod","region":"us-central1"}}""");
        emulator.SeedKey("vllm", """{"id":"l1","name":"l","value":"","vllm_key_config":{"url":"env.VLLM_URL","model_name":"m"}}""");
        emulator.SeedKey("ollama", """{"id":"o1","name":"o","value":"","ollama_key_config":{"url":"http://localhost:11434"}}""");
        using HttpClient http = emulator.CreateClient();

        JsonNode vertex = (await http.GetJsonAsync("api/providers/vertex/keys/v1")).Json!["vertex_key_config"]!;
        JsonNode vllm = (await http.GetJsonAsync("api/providers/vllm/keys/l1")).Json!["vllm_key_config"]!;
        JsonNode ollama = (await http.GetJsonAsync("api/providers/ollama/keys/o1")).Json!["ollama_key_config"]!;

        EmulatorHttp.AssertJson(JsonNode.Parse("""{"value":"us-central1","type":"plain_text"}"""), vertex["region"]);
        EmulatorHttp.AssertJson(JsonNode.Parse("""{"value":"acme************************prod","type":"plain_text"}"""), vertex["project_id"]);
        EmulatorHttp.AssertJson(JsonNode.Parse("""{"value":"","type":"plain_text"}"""), vertex["auth_credentials"]);
        EmulatorHttp.AssertJson(JsonNode.Parse("""{"value":"http************************0/v1","ref":"env.VLLM_URL","type":"env"}"""), vllm["url"]);
        EmulatorHttp.AssertJson(JsonNode.Parse("""{"value":"http://localhost:11434","type":"plain_text"}"""), ollama["url"]);
    }

    [Fact]
    public async Task EnvVar_era_masks_azure_endpoint_and_regions_and_writes_the_triple()
    {
        await using var emulator = new BifrostEmulator(o => o.WireEra = EmulatorWireEra.EnvVar);
        emulator.SeedKey("azure", """{"id":"a1","name":"a","value":"abc123","azure_key_config":{"endpoint":"https://contoso.openai.azure.com"}}""");
        emulator.SeedKey("bedrock", """{"id":"b1","name":"b","value":"","bedrock_key_config":{"region":"us-east-1","project_id":"proj-123456789"}}""");
        using HttpClient http = emulator.CreateClient();

        JsonNode azure = (await http.GetJsonAsync("api/providers/azure/keys/a1")).Json!;
        JsonNode bedrock = (await http.GetJsonAsync("api/providers/bedrock/keys/b1")).Json!;

        EmulatorHttp.AssertJson(JsonNode.Parse("""{"value":"******","env_var":"","from_env":false}"""), azure["value"]);
        EmulatorHttp.AssertJson(JsonNode.Parse("""{"value":"http************************.com","env_var":"","from_env":false}"""), azure["azure_key_config"]!["endpoint"]);
        EmulatorHttp.AssertJson(JsonNode.Parse("""{"value":"us-e************************st-1","env_var":"","from_env":false}"""), bedrock["bedrock_key_config"]!["region"]);
        EmulatorHttp.AssertJson(JsonNode.Parse("""{"value":"","env_var":"","from_env":false}"""), bedrock["bedrock_key_config"]!["access_key"]);
        Assert.Null(azure["use_anthropic_endpoints"]);
    }

    [Fact]
    public async Task Unresolvable_and_vault_references_keep_their_reference_with_the_right_value()
    {
        await using var emulator = new BifrostEmulator(o => o.VaultSecrets["kv/openai"] = "sk-vault-0000000000000000wxyz");
        emulator.SeedKey("openai", """{"id":"k1","name":"env-missing","value":"env.NOT_SET"}""");
        emulator.SeedKey("openai", """{"id":"k2","name":"vaulted","value":"vault.kv/openai"}""");
        using HttpClient http = emulator.CreateClient();

        JsonNode missing = (await http.GetJsonAsync("api/providers/openai/keys/k1")).Json!["value"]!;
        JsonNode vault = (await http.GetJsonAsync("api/providers/openai/keys/k2")).Json!["value"]!;

        EmulatorHttp.AssertJson(JsonNode.Parse("""{"value":"","ref":"env.NOT_SET","type":"env"}"""), missing);
        EmulatorHttp.AssertJson(JsonNode.Parse("""{"value":"sk-v************************wxyz","ref":"vault.kv/openai","type":"vault"}"""), vault);
    }

    [Fact]
    public async Task Environment_changes_at_run_time_change_the_mask_of_a_reference()
    {
        await using var emulator = new BifrostEmulator();
        emulator.SeedKey("openai", """{"id":"k1","name":"n","value":"env.ROTATED"}""");
        using HttpClient http = emulator.CreateClient();

        emulator.SetEnvironmentVariable("ROTATED", "first-value-000000001111");
        string first = (await http.GetJsonAsync("api/providers/openai/keys/k1")).Json!["value"]!["value"]!.GetValue<string>();
        emulator.SetEnvironmentVariable("ROTATED", "second-value-00000002222");
        string second = (await http.GetJsonAsync("api/providers/openai/keys/k1")).Json!["value"]!["value"]!.GetValue<string>();

        Assert.Equal("firs************************1111", first);
        Assert.Equal("seco************************2222", second);
    }

    [Fact]
    public async Task No_response_ever_carries_a_raw_secret()
    {
        string[] secrets =
        [
            "sk-raw-openai-secret-000000000001", "azure-client-secret-raw-000000002", "bedrock-secret-key-raw-00000003",
            "vertex-service-account-json-raw-4", "databricks-client-secret-raw-0005", "copilot-private-key-raw-00000006",
        ];
        await using var emulator = new BifrostEmulator();
        emulator.SeedKey("openai", $$$"""{"id":"k1","name":"a","value":"{{{secrets[0]}}}"}""");
        emulator.SeedKey("azure", $$$"""{"id":"k2","name":"b","value":"","azure_key_config":{"endpoint":"https://x.example.com","client_id":"id-000000000000","client_secret":"{{{secrets[1]}}}","tenant_id":"t-0000000000"}}""");
        emulator.SeedKey("bedrock", $$$"""{"id":"k3","name":"c","value":"","bedrock_key_config":{"access_key":"AKIA0000000000000000","secret_key":"{{{secrets[2]}}}","region":"us-east-1"}}""");
        emulator.SeedKey("vertex", $$$"""{"id":"k4","name":"d","value":"","vertex_key_config":{"project_id":"p","region":"us-central1","auth_credentials":"{{{secrets[3]}}}"}}""");
        emulator.SeedKey("openai", $$$"""{"id":"k5","name":"e","value":"x0000000000","databricks_key_config":{"workspace_url":"https://dbc.example.com","client_id":"c-0000000000","client_secret":"{{{secrets[4]}}}"},"github_copilot_key_config":{"app_id":"1234567890","private_key":"{{{secrets[5]}}}"}}""");
        using HttpClient http = emulator.CreateClient();

        var bodies = new List<string> { (await http.GetJsonAsync("api/keys")).Text };
        foreach (string provider in new[] { "openai", "azure", "bedrock", "vertex" })
        {
            bodies.Add((await http.GetJsonAsync($"api/providers/{provider}/keys")).Text);
        }

        foreach (string secret in secrets)
        {
            Assert.DoesNotContain(bodies, b => b.Contains(secret, StringComparison.Ordinal));
        }

        JsonNode k5 = (await http.GetJsonAsync("api/providers/openai/keys/k5")).Json!;
        Assert.Equal("data************************0005", k5["databricks_key_config"]!["client_secret"]!["value"]!.GetValue<string>());
        Assert.Equal("https://dbc.example.com", k5["databricks_key_config"]!["workspace_url"]!["value"]!.GetValue<string>());
        Assert.Equal("1234************************7890".Length, k5["github_copilot_key_config"]!["app_id"]!["value"]!.GetValue<string>().Length);
    }
}
