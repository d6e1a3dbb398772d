using System.Text.Json.Nodes;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Models;

public class ProviderKeyTests
{
    [Fact]
    public void Edit_in_place_changes_only_what_was_edited()
    {
        var input = Fixtures.Read("get-azure-secretvar-era.json");
        var key = BifrostJson.DeserializeKey(input);

        key.Weight = 0.25;
        key.Models.Add("gpt-4.1");
        var azure = Assert.IsType<AzureKeyConfig>(key.Config);
        azure.ClientSecret = SecretValue.Literal("new-client-secret");

        var expected = JsonNode.Parse(input)!;
        expected["weight"] = 0.25;
        expected["models"]!.AsArray().Add((JsonNode)"gpt-4.1");
        expected["azure_key_config"]!["client_secret"] = "new-client-secret";
        JsonAssert.Equivalent(expected.ToJsonString(), BifrostJson.Serialize(key));
    }

    [Fact]
    public void Config_is_the_union_of_the_modelled_blocks()
    {
        var expected = new Dictionary<string, Type>
        {
            ["get-azure-secretvar-era.json"] = typeof(AzureKeyConfig),
            ["get-bedrock-secretvar-era.json"] = typeof(BedrockKeyConfig),
            ["get-vertex-secretvar-era.json"] = typeof(VertexKeyConfig),
            ["get-vllm-secretvar-era.json"] = typeof(VllmKeyConfig),
            ["get-ollama-envvar-era.json"] = typeof(OllamaKeyConfig),
            ["get-sgl-secretvar-era.json"] = typeof(SglKeyConfig),
            ["get-replicate.json"] = typeof(ReplicateKeyConfig),
        };
        foreach (var (file, type) in expected)
        {
            var config = BifrostJson.DeserializeKey(Fixtures.Read(file)).Config;
            Assert.IsType(type, config);
            Assert.Equal(JsonNode.Parse(Fixtures.Read(file))!.AsObject().Single(p => p.Key.EndsWith("_key_config")).Key, config!.WireName);
        }

        Assert.Null(BifrostJson.DeserializeKey(Fixtures.Read("get-openai-env-ref.json")).Config);
    }

    [Fact]
    public void Every_config_subclass_writes_its_own_block()
    {
        ProviderKeyConfig[] blocks =
        [
            new AzureKeyConfig(), new VertexKeyConfig(), new BedrockKeyConfig(), new BedrockMantleKeyConfig(),
            new VllmKeyConfig(), new OllamaKeyConfig(), new SglKeyConfig(), new ReplicateKeyConfig(),
        ];
        Assert.Equal(8, typeof(ProviderKeyConfig).Assembly.GetTypes().Count(t => t.IsSubclassOf(typeof(ProviderKeyConfig))));
        foreach (var block in blocks)
        {
            var key = new ProviderKey { Name = "k", Config = block };
            var node = JsonNode.Parse(BifrostJson.Serialize(key))!.AsObject();
            Assert.Equal([block.WireName], node.Where(p => p.Key.EndsWith("_key_config")).Select(p => p.Key));
            Assert.IsType(block.GetType(), BifrostJson.DeserializeKey(node.ToJsonString()).Config);
        }
    }

    [Fact]
    public void Setting_config_replaces_the_previous_block()
    {
        var key = BifrostJson.DeserializeKey(Fixtures.Read("get-vllm-secretvar-era.json"));
        key.Config = new SglKeyConfig { Url = SecretValue.Literal("http://localhost:30000") };
        var node = JsonNode.Parse(BifrostJson.Serialize(key))!;
        Assert.Null(node["vllm_key_config"]);
        Assert.Equal("http://localhost:30000", (string)node["sgl_key_config"]!["url"]!);
        key.Config = null;
        Assert.DoesNotContain("_key_config", BifrostJson.Serialize(key), StringComparison.Ordinal);
    }

    [Fact]
    public void Server_managed_fields_are_read_only_to_users()
    {
        foreach (var name in new[] { nameof(ProviderKey.ConfigHash), nameof(ProviderKey.Status) })
        {
            var property = typeof(ProviderKey).GetProperty(name)!;
            Assert.True(property.SetMethod is null || !property.SetMethod.IsPublic, name);
        }

        var key = BifrostJson.DeserializeKey("""{"config_hash":"abc","status":"list_models_failed","description":"401 from upstream"}""");
        Assert.Equal("abc", key.ConfigHash);
        Assert.Equal("list_models_failed", key.Status);
        Assert.Equal("401 from upstream", key.Description);
    }

    [Fact]
    public void Null_collections_read_as_empty()
    {
        var key = BifrostJson.DeserializeKey("""{"models":null,"blacklisted_models":null,"aliases":null}""");
        Assert.Empty(key.Models);
        Assert.Empty(key.BlacklistedModels);
        Assert.Empty(key.Aliases);

        var list = BifrostJson.Deserialize<ProviderKeyList>("""{"keys":null,"total":0}""")!;
        Assert.Empty(list.Keys);

        var row = BifrostJson.Deserialize<KeySummary>("""{"key_id":"k","models":null,"blacklisted_models":null}""")!;
        Assert.Empty(row.Models);
        Assert.Empty(row.BlacklistedModels);
    }

    [Fact]
    public void A_key_read_without_models_is_echoed_without_them_but_new_keys_send_them()
    {
        const string body = """{"name":"n","value":"sk-x","weight":1}""";
        JsonAssert.Equivalent(body, BifrostJson.Serialize(BifrostJson.DeserializeKey(body)));

        var edited = BifrostJson.DeserializeKey(body);
        edited.Models.Add("gpt-4o");
        Assert.Equal("[\"gpt-4o\"]", JsonNode.Parse(BifrostJson.Serialize(edited))!["models"]!.ToJsonString());

        var fresh = JsonNode.Parse(BifrostJson.Serialize(new ProviderKey { Name = "n" }))!;
        Assert.Equal("[]", fresh["models"]!.ToJsonString());
        Assert.Equal("[]", fresh["blacklisted_models"]!.ToJsonString());
        Assert.Null(fresh["aliases"]);
    }

    [Fact]
    public void Explicit_empty_aliases_round_trip_and_aliases_keep_their_form()
    {
        const string body = """{"name":"n","aliases":{}}""";
        JsonAssert.Equivalent(body, BifrostJson.Serialize(BifrostJson.DeserializeKey(body)));

        var key = new ProviderKey { Name = "n" };
        key.Aliases["gpt-4o"] = "prod-gpt4o";
        key.Aliases["claude"] = new ModelAlias("arn") { InferenceProfileArn = SecretValue.Literal("arn:aws:bedrock:x") };
        var aliases = JsonNode.Parse(BifrostJson.Serialize(key))!["aliases"]!;
        Assert.Equal("\"prod-gpt4o\"", aliases["gpt-4o"]!.ToJsonString());
        Assert.Equal("arn", (string)aliases["claude"]!["model_id"]!);
    }

    [Fact]
    public void Legacy_fields_are_accepted_and_kept_in_extension_data()
    {
        const string body = """
            {"name":"n","azure_key_config":{"endpoint":"https://x","api_version":"2024-10-21","deployments":{"gpt-4o":"d"}},
             "openai_key_config":{"deployments":{}},"huggingface_key_config":{},"sapaicore_key_config":{"x":1}}
            """;
        var key = BifrostJson.DeserializeKey(body);
        var azure = Assert.IsType<AzureKeyConfig>(key.Config);
        Assert.Equal("2024-10-21", azure.ApiVersion!.Reveal());
        Assert.Contains("deployments", azure.AdditionalProperties.Keys);
        Assert.Contains("openai_key_config", key.AdditionalProperties.Keys);
        JsonAssert.Equivalent(body, BifrostJson.Serialize(key));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("\"0\"")]
    [InlineData("12345678901234567890")]
    [InlineData("\"prov-7\"")]
    public void KeySummary_provider_id_is_kept_losslessly_as_number_or_string(string providerId)
    {
        var row = $$"""{"id":0,"provider_id":{{providerId}},"key_id":"k","provider":"openai","models":[],"blacklisted_models":[]}""";
        var summary = BifrostJson.Deserialize<KeySummary>(row)!;
        Assert.Equal(providerId, summary.AdditionalProperties["provider_id"].GetRawText());
        JsonAssert.Equivalent(row, BifrostJson.Serialize(summary));
    }

    [Fact]
    public void Clone_is_deep()
    {
        var key = BifrostJson.DeserializeKey(Fixtures.Read("get-bedrock-secretvar-era.json"));
        var clone = key.Clone();
        clone.Models.Add("extra");
        ((BedrockKeyConfig)clone.Config!).Region = SecretValue.Literal("eu-west-1");
        Assert.DoesNotContain("extra", key.Models);
        Assert.NotEqual(BifrostJson.Serialize(key), BifrostJson.Serialize(clone));
        Assert.NotSame(key.Config, clone.Config);
    }
}
