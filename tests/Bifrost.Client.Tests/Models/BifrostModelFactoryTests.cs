using System.Text.Json;
using System.Text.Json.Nodes;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Models;

public class BifrostModelFactoryTests
{
    [Fact]
    public void ProviderKey_sets_every_field_including_server_managed_ones()
    {
        using var databricks = JsonDocument.Parse("""{"api_format":"auto"}""");
        var key = BifrostModelFactory.ProviderKey(
            id: "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d",
            name: "openai-prod",
            value: BifrostModelFactory.ServerSecret("sk-proj-abcdefghijklmnop9xQA"),
            models: ["gpt-4o"],
            blacklistedModels: ["o1"],
            weight: 0.5,
            aliases: new Dictionary<string, ModelAlias> { ["gpt-4o"] = "prod-gpt4o" },
            config: new AzureKeyConfig { Endpoint = BifrostModelFactory.ServerSecret("https://contoso.openai.azure.com", redact: false) },
            enabled: false,
            useForBatchApi: true,
            useAnthropicEndpoints: false,
            configHash: "5f2c",
            status: "list_models_failed",
            description: "401 from upstream",
            additionalProperties: new Dictionary<string, JsonElement> { ["databricks_key_config"] = databricks.RootElement });

        Assert.Equal("5f2c", key.ConfigHash);
        Assert.Equal("list_models_failed", key.Status);
        Assert.True(key.Value!.IsMask);
        Assert.True(key.Value.IsReceived);

        var expected = """
            {"id":"0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d","name":"openai-prod",
             "value":{"value":"sk-p************************9xQA","type":"plain_text"},
             "models":["gpt-4o"],"blacklisted_models":["o1"],"weight":0.5,"aliases":{"gpt-4o":"prod-gpt4o"},
             "azure_key_config":{"endpoint":{"value":"https://contoso.openai.azure.com","type":"plain_text"}},
             "enabled":false,"use_for_batch_api":true,"use_anthropic_endpoints":false,
             "config_hash":"5f2c","status":"list_models_failed","description":"401 from upstream",
             "databricks_key_config":{"api_format":"auto"}}
            """;
        JsonAssert.Equivalent(expected, BifrostJson.Serialize(key));
    }

    [Fact]
    public void A_factory_key_equals_the_same_key_read_from_a_fixture()
    {
        var fixture = Fixtures.Read("get-openai-env-ref.json");
        var read = BifrostJson.DeserializeKey(fixture);
        var built = BifrostModelFactory.ProviderKey(
            id: read.Id, name: read.Name, value: read.Value, models: read.Models, blacklistedModels: read.BlacklistedModels,
            weight: read.Weight, aliases: read.Aliases, config: read.Config, enabled: read.Enabled, useForBatchApi: read.UseForBatchApi,
            useAnthropicEndpoints: read.UseAnthropicEndpoints, configHash: read.ConfigHash, status: read.Status,
            description: read.Description, additionalProperties: read.AdditionalProperties);
        JsonAssert.Equivalent(fixture, BifrostJson.Serialize(built));
    }

    [Theory]
    [InlineData("sk-proj-abcdefghijklmnop9xQA", null, SecretWireEra.SecretVar, """{"value":"sk-p************************9xQA","type":"plain_text"}""")]
    [InlineData("sk-proj-abcdefghijklmnop9xQA", null, SecretWireEra.EnvVar, """{"value":"sk-p************************9xQA","env_var":"","from_env":false}""")]
    [InlineData("abc123", "env.OPENAI_KEY", SecretWireEra.SecretVar, """{"value":"******","ref":"env.OPENAI_KEY","type":"env"}""")]
    [InlineData("abc123", "env.OPENAI_KEY", SecretWireEra.EnvVar, """{"value":"******","env_var":"env.OPENAI_KEY","from_env":true}""")]
    [InlineData("", "vault.team/openai", SecretWireEra.SecretVar, """{"value":"","ref":"vault.team/openai","type":"vault"}""")]
    [InlineData("us-east-1", null, SecretWireEra.SecretVar, """{"value":"us-e************************st-1","type":"plain_text"}""")]
    public void ServerSecret_has_the_shape_a_server_sends(string raw, string? reference, SecretWireEra era, string expected)
    {
        var secret = BifrostModelFactory.ServerSecret(raw, reference, era);
        Assert.Equal(expected, BifrostJson.Serialize(secret));
        Assert.Equal(reference is not null, secret.IsReference);
        Assert.Equal(reference, secret.Reference);
        Assert.Equal(reference is null && raw.Length > 0, secret.IsMask);
        Assert.DoesNotContain(raw.Length > 8 ? raw : "\u0000", secret.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ServerSecret_builds_the_fixture_value()
    {
        // get-openai-env-ref.json: an env-backed value in the SecretVar era, masked from a resolved raw value.
        var fixture = JsonNode.Parse(Fixtures.Read("get-openai-env-ref.json"))!["value"]!;
        var built = BifrostModelFactory.ServerSecret("sk-p" + new string('x', 40) + "9xQA", (string)fixture["ref"]!);
        JsonAssert.Equivalent(fixture.ToJsonString(), BifrostJson.Serialize(built));
    }

    [Theory]
    [InlineData("OPENAI_KEY", SecretWireEra.SecretVar)]
    [InlineData("env.", SecretWireEra.SecretVar)]
    [InlineData("vault.x", SecretWireEra.EnvVar)]
    public void ServerSecret_rejects_bad_references(string reference, SecretWireEra era) =>
        Assert.Throws<ArgumentException>(() => BifrostModelFactory.ServerSecret("x", reference, era));

    [Fact]
    public void KeySummary_looks_like_a_server_row_by_default()
    {
        var row = BifrostModelFactory.KeySummary(keyId: "k-1", name: "openai-prod", provider: "openai", weight: 1, models: ["*"]);
        var expected = """
            {"id":0,"provider_id":0,"key_id":"k-1","name":"openai-prod","provider":"openai","value":{"value":""},"weight":1,
             "created_at":"0001-01-01T00:00:00Z","updated_at":"0001-01-01T00:00:00Z","config_hash":"","status":"",
             "models":["*"],"blacklisted_models":[]}
            """;
        JsonAssert.Equivalent(expected, BifrostJson.Serialize(row));
    }

    [Fact]
    public void ProviderKeyList_counts_its_keys_unless_told_otherwise()
    {
        var key = BifrostModelFactory.ProviderKey(id: "a", name: "a");
        Assert.Equal(2, BifrostModelFactory.ProviderKeyList([key, key.Clone()]).Total);
        Assert.Equal(7, BifrostModelFactory.ProviderKeyList([key], total: 7).Total);
        Assert.Empty(BifrostModelFactory.ProviderKeyList().Keys);
    }

    [Fact]
    public void BifrostError_matches_the_error_fixture()
    {
        var fixture = Fixtures.Read("error-404-key.json");
        var read = BifrostJson.Deserialize<BifrostError>(fixture)!;
        var built = BifrostModelFactory.BifrostError(statusCode: read.StatusCode, message: read.Error!.Message, isBifrostError: read.IsBifrostError);
        JsonAssert.Equivalent(fixture, BifrostJson.Serialize(built));
    }
}
