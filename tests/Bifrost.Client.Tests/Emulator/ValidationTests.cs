using System.Net;
using System.Text.Json.Nodes;
using Bifrost.Client.Testing;

namespace Bifrost.Client.Tests.Emulator;

/// <summary>The rejections of CONTRACT §7.2 and the endpoint behaviour of §1.1, per generation where they differ.</summary>
public sealed class ValidationTests
{
    private static BifrostEmulator Create(ServerGeneration generation = ServerGeneration.C) =>
        new(o => o.Generation = generation);

    private static JsonObject Body(string json) => JsonNode.Parse(json)!.AsObject();

    [Theory]
    [InlineData(ServerGeneration.A, "Invalid JSON: ")]
    [InlineData(ServerGeneration.B, "Invalid request payload")]
    [InlineData(ServerGeneration.C, "Invalid request payload")]
    public async Task Bad_json_and_wrong_types_are_400(ServerGeneration generation, string message)
    {
        await using BifrostEmulator emulator = Create(generation);
        using HttpClient http = emulator.CreateClient();

        Answer notJson = await http.SendAsync(HttpMethod.Post, "api/providers/openai/keys", "{not json");
        Answer wrongType = await http.PostJsonAsync("api/providers/openai/keys", Body("""{"name":"n","value":"sk-1","weight":"heavy"}"""));
        Answer notObject = await http.SendAsync(HttpMethod.Post, "api/providers/openai/keys", "[1,2]");

        foreach (Answer answer in new[] { notJson, wrongType, notObject })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.StartsWith(message, answer.ErrorMessage, StringComparison.Ordinal);
            Assert.Equal(400, answer.Json!["status_code"]!.GetValue<int>());
            Assert.False(answer.Json!["is_bifrost_error"]!.GetValue<bool>());
        }

        Assert.Empty(emulator.GetStoredKeys("openai"));
    }

    [Fact]
    public async Task Unknown_provider_and_unknown_key_are_404()
    {
        await using BifrostEmulator emulator = Create();
        using HttpClient http = emulator.CreateClient();

        Answer provider = await http.GetJsonAsync("api/providers/nope/keys");
        Answer key = await http.GetJsonAsync("api/providers/openai/keys/missing");
        Answer put = await http.PutJsonAsync("api/providers/openai/keys/missing", Body("""{"name":"n","value":"sk-1"}"""));
        Answer delete = await http.DeleteJsonAsync("api/providers/openai/keys/missing");

        Assert.Equal(HttpStatusCode.NotFound, provider.Status);
        Assert.StartsWith("Provider not found: ", provider.ErrorMessage, StringComparison.Ordinal);
        foreach (Answer answer in new[] { key, put, delete })
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Equal("Provider key not found: not found", answer.ErrorMessage);
        }
    }

    [Fact]
    public async Task Keyless_custom_provider_refuses_key_changes()
    {
        await using var emulator = new BifrostEmulator(o => o.AddCustomProvider("local-llm", "openai", isKeyLess: true));
        using HttpClient http = emulator.CreateClient();

        Answer list = await http.GetJsonAsync("api/providers/local-llm/keys");
        Answer add = await http.PostJsonAsync("api/providers/local-llm/keys", Body("""{"name":"n","value":"sk-1"}"""));
        Answer update = await http.PutJsonAsync("api/providers/local-llm/keys/x", Body("""{"name":"n","value":"sk-1"}"""));
        Answer delete = await http.DeleteJsonAsync("api/providers/local-llm/keys/x");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal("Cannot add keys to a keyless provider", add.ErrorMessage);
        Assert.Equal("Cannot update keys on a keyless provider", update.ErrorMessage);
        Assert.Equal("Cannot delete keys on a keyless provider", delete.ErrorMessage);
        Assert.All(new[] { add, update, delete }, a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
    }

    [Fact]
    public async Task Custom_provider_is_validated_on_its_base_type()
    {
        await using var emulator = new BifrostEmulator(o => o.AddCustomProvider("my-ollama", "ollama"));
        using HttpClient http = emulator.CreateClient();

        Answer missingUrl = await http.PostJsonAsync("api/providers/my-ollama/keys", Body("""{"name":"n","value":"","models":["*"]}"""));
        Answer ok = await http.PostJsonAsync("api/providers/my-ollama/keys", Body("""{"name":"n","value":"","models":["*"],"ollama_key_config":{"url":"http://localhost:11434"}}"""));

        Assert.Equal("ollama_key_config.url is required for Ollama keys", missingUrl.ErrorMessage);
        Assert.Equal(HttpStatusCode.OK, ok.Status);
    }

    [Theory]
    [InlineData(ServerGeneration.C, "ollama", """{"ollama_key_config":{"url":"http://localhost:11434"}}""", true)]
    [InlineData(ServerGeneration.B, "ollama", """{"ollama_key_config":{"url":"http://localhost:11434"}}""", false)]
    [InlineData(ServerGeneration.C, "bedrock_mantle", """{"bedrock_mantle_key_config":{"region":"us-east-1"}}""", true)]
    [InlineData(ServerGeneration.A, "bedrock", """{}""", true)]
    [InlineData(ServerGeneration.C, "openai", """{}""", false)]
    [InlineData(ServerGeneration.A, "anthropic", """{}""", false)]
    public async Task Empty_value_is_allowed_only_for_the_generations_provider_list(ServerGeneration generation, string provider, string blocks, bool allowed)
    {
        await using BifrostEmulator emulator = Create(generation);
        using HttpClient http = emulator.CreateClient();
        JsonObject body = Body(blocks);
        body["name"] = "k";
        body["value"] = "";
        body["models"] = new JsonArray("*");

        Answer answer = await http.PostJsonAsync($"api/providers/{provider}/keys", body);

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(allowed ? "" : "Key value must not be empty", answer.ErrorMessage);
    }

    [Theory]
    [InlineData(ServerGeneration.C, "azure", """{}""", "azure_key_config.endpoint is required for Azure keys")]
    [InlineData(ServerGeneration.C, "bedrock", """{"bedrock_key_config":{"access_key":"a"}}""", "bedrock_key_config.region is required for Bedrock keys")]
    [InlineData(ServerGeneration.C, "bedrock_mantle", """{}""", "bedrock_mantle_key_config.region is required for Bedrock Mantle keys")]
    [InlineData(ServerGeneration.C, "vllm", """{"vllm_key_config":{"model_name":"m"}}""", "vllm_key_config.url is required for VLLM keys")]
    [InlineData(ServerGeneration.C, "vllm", """{"vllm_key_config":{"url":"http://localhost:8000"}}""", "vllm_key_config.model_name is required for VLLM keys")]
    [InlineData(ServerGeneration.A, "ollama", """{}""", "ollama_key_config.url is required for Ollama keys")]
    [InlineData(ServerGeneration.B, "sgl", """{"sgl_key_config":{"url":""}}""", "sgl_key_config.url is required for SGL keys")]
    [InlineData(ServerGeneration.B, "azure", """{}""", null)]
    [InlineData(ServerGeneration.A, "vllm", """{}""", null)]
    public async Task Required_nested_fields_per_generation(ServerGeneration generation, string provider, string blocks, string? error)
    {
        await using BifrostEmulator emulator = Create(generation);
        using HttpClient http = emulator.CreateClient();
        JsonObject body = Body(blocks);
        body["name"] = "k";
        body["value"] = "token-1";
        body["models"] = new JsonArray("*");

        Answer answer = await http.PostJsonAsync($"api/providers/{provider}/keys", body);

        Assert.Equal(error is null ? HttpStatusCode.OK : HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(error ?? "", answer.ErrorMessage);
    }

    [Theory]
    [InlineData("""["*","gpt-4o"]""", "[]", "Invalid models: wildcard '*' cannot be used with other values in the whitelist")]
    [InlineData("""["gpt-4o","GPT-4o"]""", "[]", "Invalid models: duplicate value 'GPT-4o' in whitelist")]
    [InlineData("""["*"]""", """["a","*"]""", "Invalid blacklisted_models: wildcard '*' cannot be used with other values in the blacklist")]
    [InlineData("""["*"]""", """["a","A"]""", "Invalid blacklisted_models: duplicate value 'A' in blacklist")]
    public async Task Model_lists_are_validated(string models, string blacklist, string message)
    {
        await using BifrostEmulator newest = Create(ServerGeneration.C);
        await using BifrostEmulator genB = Create(ServerGeneration.B);
        using HttpClient httpC = newest.CreateClient();
        using HttpClient httpB = genB.CreateClient();
        JsonObject body = Body($$"""{"name":"k","value":"sk-1","models":{{models}},"blacklisted_models":{{blacklist}}}""");

        Answer c = await httpC.PostJsonAsync("api/providers/openai/keys", body);
        Answer b = await httpB.PostJsonAsync("api/providers/openai/keys", body.DeepClone());

        Assert.Equal(HttpStatusCode.BadRequest, c.Status);
        Assert.Equal(message, c.ErrorMessage);
        Assert.Equal(HttpStatusCode.InternalServerError, b.Status);
        Assert.StartsWith("Failed to create provider key: ", b.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai", """{" gpt-4o":"x"}""", "must not have leading or trailing whitespace")]
    [InlineData("openai", """{"gpt-4o":{"model_id":"  "}}""", "model_id is required")]
    [InlineData("openai", """{"gpt-4o":{"model_id":"x","model_family":"unknown"}}""", "unknown model_family")]
    [InlineData("bedrock", """{"claude":{"model_id":"x","endpoint":"https://e.example.com"}}""", "azure sub-config is only valid on Azure keys (got provider \"bedrock\")")]
    [InlineData("openai", """{"GPT-4o":"a","gpt-4o":"b"}""", "duplicate alias source")]
    public async Task Aliases_are_validated(string provider, string aliases, string fragment)
    {
        await using BifrostEmulator emulator = Create();
        using HttpClient http = emulator.CreateClient();
        JsonObject body = Body($$$"""{"name":"k","value":"sk-1","models":["*"],"aliases":{{{aliases}}},"bedrock_key_config":{"region":"us-east-1"}}""");

        Answer answer = await http.PostJsonAsync($"api/providers/{provider}/keys", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith("Invalid aliases: ", answer.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(fragment, answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alias_with_only_model_id_is_written_back_as_a_string()
    {
        await using BifrostEmulator emulator = Create();
        using HttpClient http = emulator.CreateClient();

        Answer answer = await http.PostJsonAsync("api/providers/openai/keys", Body("""{"id":"k1","name":"k","value":"sk-1","models":["*"],"aliases":{"a":{"model_id":"m1"},"b":{"model_id":"m2","model_family":"openai"}}}"""));

        EmulatorHttp.AssertJson(JsonNode.Parse("""{"a":"m1","b":{"model_id":"m2","model_family":"openai"}}"""), answer.Json!["aliases"]);
    }

    [Theory]
    [InlineData("azure", """{"azure_key_config":{"endpoint":"http://169.254.169.254/latest"}}""", "Invalid key URL: azure_key_config.endpoint: ")]
    [InlineData("vllm", """{"vllm_key_config":{"url":"http://0.0.0.0:8000","model_name":"m"}}""", "Invalid key URL: vllm_key_config.url: ")]
    [InlineData("ollama", """{"ollama_key_config":{"url":"http://[fe80::1]:11434"}}""", "Invalid key URL: ollama_key_config.url: ")]
    [InlineData("vertex", """{"vertex_key_config":{"region":"US Central"}}""", "Invalid key URL: vertex_key_config.region: invalid region \"US Central\"")]
    public async Task Newest_server_rejects_dangerous_urls_and_bad_regions(string provider, string blocks, string prefix)
    {
        await using BifrostEmulator emulator = Create();
        using HttpClient http = emulator.CreateClient();
        JsonObject body = Body(blocks);
        body["name"] = "k";
        body["value"] = "";
        body["models"] = new JsonArray("*");

        Answer answer = await http.PostJsonAsync($"api/providers/{provider}/keys", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith(prefix, answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loopback_and_private_urls_are_allowed()
    {
        await using BifrostEmulator emulator = Create();
        using HttpClient http = emulator.CreateClient();

        Answer loopback = await http.PostJsonAsync("api/providers/ollama/keys", Body("""{"name":"a","value":"","ollama_key_config":{"url":"http://127.0.0.1:11434"}}"""));
        Answer @private = await http.PostJsonAsync("api/providers/ollama/keys", Body("""{"name":"b","value":"","ollama_key_config":{"url":"http://10.1.2.3:11434"}}"""));

        Assert.Equal(HttpStatusCode.OK, loopback.Status);
        Assert.Equal(HttpStatusCode.OK, @private.Status);
    }

    [Theory]
    [InlineData(ServerGeneration.B, 409, 409)]
    [InlineData(ServerGeneration.C, 409, 409)]
    [InlineData(ServerGeneration.A, 409, 500)]
    public async Task Names_are_unique_across_providers(ServerGeneration generation, int createStatus, int updateStatus)
    {
        await using BifrostEmulator emulator = Create(generation);
        emulator.SeedKey("openai", EmulatorHttp.RawKey("k1", "shared-name", "sk-one-0000000000"));
        emulator.SeedKey("anthropic", EmulatorHttp.RawKey("k2", "other", "sk-two-0000000000"));
        using HttpClient http = emulator.CreateClient();

        Answer create = await http.PostJsonAsync("api/providers/anthropic/keys", Body("""{"name":"shared-name","value":"sk-3","models":["*"]}"""));
        Answer update = await http.PutJsonAsync("api/providers/anthropic/keys/k2", Body("""{"name":"shared-name","value":"sk-3","models":["*"]}"""));

        Assert.Equal(createStatus, (int)create.Status);
        Assert.Equal(updateStatus, (int)update.Status);
        if (generation != ServerGeneration.A)
        {
            Assert.Equal("API key names must be unique across providers. Choose a different name", create.ErrorMessage);
        }

        Assert.Equal("other", emulator.GetStoredKey("anthropic", "k2")!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Duplicate_id_on_create_is_409()
    {
        await using BifrostEmulator emulator = Create();
        emulator.SeedKey("openai", EmulatorHttp.RawKey("fixed-id", "first", "sk-one-0000000000"));
        using HttpClient http = emulator.CreateClient();

        Answer answer = await http.PostJsonAsync("api/providers/openai/keys", Body("""{"id":"fixed-id","name":"second","value":"sk-2","models":["*"]}"""));

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal("first", emulator.GetStoredKey("openai", "fixed-id")!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_returns_200_generates_an_id_defaults_enabled_and_drops_unknown_fields()
    {
        await using BifrostEmulator emulator = Create();
        using HttpClient http = emulator.CreateClient();

        Answer answer = await http.PostJsonAsync("api/providers/openai/keys", Body("""
            {"id":"","name":"k","value":"sk-new-secret-1234567890","models":["gpt-4o"],"weight":1,"mystery":42,
             "oauth_key_config":{"grant_type":"client_credentials","client_secret":"oauth-secret-000000000001"}}
            """));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        string id = answer.Json!["id"]!.GetValue<string>();
        Assert.True(Guid.TryParse(id, out _));
        Assert.True(answer.Json!["enabled"]!.GetValue<bool>());
        Assert.Equal("sk-n************************7890", answer.Json!["value"]!["value"]!.GetValue<string>());
        Assert.Equal("oaut************************0001", answer.Json!["oauth_key_config"]!["client_secret"]!["value"]!.GetValue<string>());
        JsonObject stored = emulator.GetStoredKey("openai", id)!;
        Assert.False(stored.ContainsKey("mystery"));
        Assert.Equal("sk-new-secret-1234567890", stored["value"]!.GetValue<string>());
        Assert.Equal("oauth-secret-000000000001", stored["oauth_key_config"]!["client_secret"]!.GetValue<string>());
        Assert.Equal("unknown", stored["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unmodelled_blocks_survive_an_echoed_update_and_are_wiped_when_omitted()
    {
        await using BifrostEmulator emulator = Create();
        emulator.SeedKey("openai", """{"id":"k1","name":"k","value":"sk-one-0000000000","models":["*"],"weight":1,"databricks_key_config":{"workspace_url":"https://dbc.example.com","client_secret":"dbx-secret-0000000001","api_format":"auto"}}""");
        using HttpClient http = emulator.CreateClient();

        JsonObject served = (await http.GetJsonAsync("api/providers/openai/keys/k1")).Json!.AsObject();
        Answer echoed = await http.PutJsonAsync("api/providers/openai/keys/k1", served);
        JsonObject afterEcho = emulator.GetStoredKey("openai", "k1")!;
        served.Remove("databricks_key_config");
        Answer omitted = await http.PutJsonAsync("api/providers/openai/keys/k1", served);

        Assert.Equal(HttpStatusCode.OK, echoed.Status);
        EmulatorHttp.AssertJson(JsonNode.Parse("""{"workspace_url":"https://dbc.example.com","client_secret":"dbx-secret-0000000001","api_format":"auto"}"""), afterEcho["databricks_key_config"]);
        Assert.Equal("sk-one-0000000000", afterEcho["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, omitted.Status);
        Assert.Null(emulator.GetStoredKey("openai", "k1")!["databricks_key_config"]);
    }

    [Fact]
    public async Task Delete_returns_the_deleted_key_masked_and_a_repeat_is_404()
    {
        await using BifrostEmulator emulator = Create();
        emulator.SeedKey("openai", EmulatorHttp.RawKey("k1", "k", "sk-one-0000000000"));
        using HttpClient http = emulator.CreateClient();

        Answer first = await http.DeleteJsonAsync("api/providers/openai/keys/k1");
        Answer again = await http.DeleteJsonAsync("api/providers/openai/keys/k1");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("k1", first.Json!["id"]!.GetValue<string>());
        Assert.Equal("sk-o************************0000", first.Json!["value"]!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Empty(emulator.GetStoredKeys("openai"));
    }

    [Fact]
    public async Task Path_parameters_are_percent_decoded_and_must_match_exactly()
    {
        await using var emulator = new BifrostEmulator(o => o.AddCustomProvider("my provider/eu", "openai"));
        emulator.SeedKey("my provider/eu", EmulatorHttp.RawKey("id with/slash", "k", "sk-one-0000000000"));
        using HttpClient http = emulator.CreateClient();

        Answer encoded = await http.GetJsonAsync("api/providers/my%20provider%2Feu/keys/id%20with%2Fslash");
        Answer wrongCase = await http.GetJsonAsync("api/providers/my%20provider%2Feu/keys/ID%20with%2Fslash");
        Answer missing = await http.GetJsonAsync("api/providers/openai/keys/");

        Assert.Equal(HttpStatusCode.OK, encoded.Status);
        Assert.Equal("id with/slash", encoded.Json!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, wrongCase.Status);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("missing key_id parameter", missing.ErrorMessage);
    }

    [Theory]
    [InlineData("abc%zz", false, "invalid URL escape \"%zz\"")]
    [InlineData("abc%4", false, "invalid URL escape \"%4\"")]
    [InlineData("a%2Fb%20c%C3%A9", true, "a/b cé")]
    public void Path_segment_decoding_is_strict(string segment, bool ok, string expected)
    {
        bool decoded = Bifrost.Client.Testing.Emulator.PathSegment.TryDecode(segment, out string value, out string error);

        Assert.Equal(ok, decoded);
        Assert.Equal(expected, ok ? value : error);
    }
}
