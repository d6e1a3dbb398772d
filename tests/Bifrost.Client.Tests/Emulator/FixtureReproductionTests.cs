using System.Net;
using System.Text.Json.Nodes;
using Bifrost.Client.Testing;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Emulator;

/// <summary>
/// The emulator, seeded with raw keys whose secrets are consistent with the fixtures' masks, must answer the
/// contract's GET fixtures exactly (CONTRACT Appendix A: secretvar-era fixtures use the early SecretVar redaction).
/// </summary>
public sealed class FixtureReproductionTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["OPENAI_API_KEY"] = "sk-proj-Q7mZ2vL9tR4wX8nB5cK1dF6h9xQA",
        ["VERTEX_SA_JSON"] = "{\"type\":\"service_account\",\"project_id\":\"acme-genai-prod\"}",
        ["SGL_SERVER_URL"] = "http://10.0.0.20:30000/v1",
        ["OLLAMA_PROXY_TOKEN"] = "ollama-proxy-token-fictitious-9a21",
        ["AZURE_CLIENT_SECRET"] = "Xy8Q~fictitious.client.secret.0123",
    };

    private static readonly (string Provider, string Raw)[] SecretVarKeys =
    [
        ("openai", """{"id":"0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d","name":"openai-prod","value":"env.OPENAI_API_KEY","models":["*"],"weight":1,"status":"success"}"""),
        ("openai", """{"id":"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e","name":"openai-batch","value":"sk-proj-batch-fictitious-aZ7q","models":["gpt-4o-mini","text-embedding-3-small"],"weight":0.25,"use_for_batch_api":true,"status":"success"}"""),
        ("azure", """
            {"id":"6c1f3e0a-2b4d-4c8e-9f10-7a2b3c4d5e6f","name":"azure-eastus-prod","value":"3f9a7c2e5b8d41f09a6e3c7b2d5fc21e",
             "models":["gpt-4o","gpt-4o-mini"],"weight":1,
             "aliases":{"gpt-4o":"prod-gpt4o","gpt-4o-mini":{"model_id":"prod-4o-mini","api_version":"2024-10-21"}},
             "azure_key_config":{"endpoint":"https://contoso-eastus.openai.azure.com"},"status":"success"}
            """),
        ("bedrock", """
            {"id":"b7e2c9d4-1a3f-4e5b-8c6d-0f1e2d3c4b5a","name":"bedrock-us-east-1","value":"","models":["*"],"weight":1,
             "aliases":{"claude-sonnet-4-5":{"model_id":"us.anthropic.claude-sonnet-4-5-20250929-v1:0","model_family":"anthropic"}},
             "bedrock_key_config":{"access_key":"AKIAIOSFODNN7EXAMPLE","secret_key":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
               "region":"us-east-1","arn":"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-5",
               "batch_s3_config":{"buckets":[{"bucket_name":"acme-bedrock-batch","prefix":"jobs/","is_default":true}]}},
             "use_for_batch_api":true,"config_hash":"5d41c0a7e3b29f86a1d4c7e0b3f69a2d8e1c4b7a0f3d6e9c2b5a8d1e4f7a0c3b","status":"success"}
            """),
        ("vertex", """
            {"id":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d","name":"vertex-prod","value":"","models":["gemini-2.5-pro","gemini-2.5-flash"],"weight":1,
             "vertex_key_config":{"project_id":"acme-genai-prod","project_number":"123456789012","region":"us-central1",
               "auth_credentials":"env.VERTEX_SA_JSON","force_single_region":true},"enabled":false,"status":"success"}
            """),
        ("vllm", """
            {"id":"c3d9e8f7-6a5b-4c4d-9e3f-2a1b0c9d8e7f","name":"vllm-llama-onprem","value":"","models":["meta-llama/Llama-3.1-8B-Instruct"],"weight":1,
             "vllm_key_config":{"url":"http://10.0.0.12:8000/v1","model_name":"meta-llama/Llama-3.1-8B-Instruct"},"status":"success"}
            """),
        ("sgl", """
            {"id":"e5f6a7b8-c9d0-4e1f-9a2b-3c4d5e6f7081","name":"sgl-qwen-cluster","value":"","models":["Qwen/Qwen2.5-72B-Instruct"],"weight":1,
             "sgl_key_config":{"url":"env.SGL_SERVER_URL"},"status":"success"}
            """),
        ("replicate", """
            {"id":"f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f708192","name":"replicate-main","value":"r8_Fk2mQ9xLp4Tn7Wv1Zs3Yb6Hc8Jd0Ge5Ra2",
             "models":["black-forest-labs/flux-schnell"],"weight":1,"replicate_key_config":{"use_deployments_endpoint":true},"status":"success"}
            """),
    ];

    private static readonly (string Provider, string Raw)[] EnvVarKeys =
    [
        ("ollama", """
            {"id":"d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70","name":"ollama-lab","value":"env.OLLAMA_PROXY_TOKEN","models":["llama3.1:8b","qwen2.5:14b"],
             "weight":1,"ollama_key_config":{"url":"http://ollama.lab.internal:11434"},"status":"list_models_failed",
             "description":"failed to list models: connection refused"}
            """),
        ("azure", """
            {"id":"2f8b6d1c-7e4a-4b3f-a5c9-3d2e1f0a9b8c","name":"azure-westeu-entra","value":"","models":["gpt-4o"],
             "blacklisted_models":["gpt-4o-realtime-preview"],"weight":0.5,"aliases":{"gpt-4o":"westeu-gpt4o"},
             "azure_key_config":{"endpoint":"https://westeu-entra.openai.azure.com","api_version":"2024-10-21",
               "client_id":"0c2f8e1a-3b5d-4c7e-9f10-2a3b4c5d4b5c","client_secret":"env.AZURE_CLIENT_SECRET",
               "tenant_id":"5e7d9c1b-2a4f-4e6d-8b0c-1d2e3f4a4a5b","scopes":["https://cognitiveservices.azure.com/.default"]},
             "status":"success"}
            """),
    ];

    private static BifrostEmulator Seeded(EmulatorWireEra era, (string Provider, string Raw)[] keys)
    {
        var emulator = new BifrostEmulator(o =>
        {
            o.WireEra = era;
            o.Generation = era == EmulatorWireEra.EnvVar ? ServerGeneration.A : ServerGeneration.C;
            o.MaskLiteralRegionsAndUrls = true;
            foreach ((string name, string value) in Environment)
            {
                o.EnvironmentVariables[name] = value;
            }
        });
        foreach ((string provider, string raw) in keys)
        {
            emulator.SeedKey(provider, raw);
        }

        return emulator;
    }

    [Theory]
    [InlineData("get-openai-env-ref.json", "openai")]
    [InlineData("get-azure-secretvar-era.json", "azure")]
    [InlineData("get-bedrock-secretvar-era.json", "bedrock")]
    [InlineData("get-vertex-secretvar-era.json", "vertex")]
    [InlineData("get-vllm-secretvar-era.json", "vllm")]
    [InlineData("get-sgl-secretvar-era.json", "sgl")]
    [InlineData("get-replicate.json", "replicate")]
    public async Task SecretVar_era_get_answers_the_fixture(string fixture, string provider)
    {
        await using BifrostEmulator emulator = Seeded(EmulatorWireEra.SecretVar, SecretVarKeys);
        await AssertGetAsync(emulator, fixture, provider);
    }

    [Theory]
    [InlineData("get-ollama-envvar-era.json", "ollama")]
    [InlineData("get-azure-entra-envvar-era.json", "azure")]
    public async Task EnvVar_era_get_answers_the_fixture(string fixture, string provider)
    {
        await using BifrostEmulator emulator = Seeded(EmulatorWireEra.EnvVar, EnvVarKeys);
        await AssertGetAsync(emulator, fixture, provider);
    }

    [Fact]
    public async Task Provider_list_answers_the_fixture()
    {
        await using BifrostEmulator emulator = Seeded(EmulatorWireEra.SecretVar, SecretVarKeys);
        using HttpClient http = emulator.CreateClient();

        Answer answer = await http.GetJsonAsync("api/providers/openai/keys");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        EmulatorHttp.AssertJson(Fixtures.Node("list-openai-keys.json"), answer.Json);
    }

    [Fact]
    public async Task All_keys_rows_answer_the_fixture()
    {
        (string, string)[] keys = [.. SecretVarKeys.Where(k => k.Provider is "openai" or "azure" or "bedrock" or "vertex")];
        await using BifrostEmulator emulator = Seeded(EmulatorWireEra.SecretVar, keys);
        using HttpClient http = emulator.CreateClient();

        Answer answer = await http.GetJsonAsync("api/keys");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        EmulatorHttp.AssertJson(Fixtures.Node("list-all-keys.json"), answer.Json);
    }

    private static async Task AssertGetAsync(BifrostEmulator emulator, string fixture, string provider)
    {
        JsonNode expected = Fixtures.Node(fixture);
        using HttpClient http = emulator.CreateClient();

        Answer answer = await http.GetJsonAsync($"api/providers/{provider}/keys/{expected["id"]!.GetValue<string>()}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        EmulatorHttp.AssertJson(expected, answer.Json, fixture);
    }
}
