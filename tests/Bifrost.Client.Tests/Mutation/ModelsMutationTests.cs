using System.Text.Json;

namespace Bifrost.Client.Tests.Mutation;

/// <summary>Kills mutants of the models (other than SecretValue and ModelAlias) that the behaviour tests left alive.</summary>
public sealed class ModelsMutationTests
{
    private static readonly string[] BlockOrder =
    [
        "azure_key_config", "vertex_key_config", "bedrock_key_config", "bedrock_mantle_key_config",
        "vllm_key_config", "ollama_key_config", "sgl_key_config", "replicate_key_config",
    ];

    // A body with several modelled blocks (no server sends one today) still has one Config: the first in this order.
    [Fact]
    public void Config_is_the_first_modelled_block_in_a_fixed_order()
    {
        for (var first = 0; first < BlockOrder.Length; first++)
        {
            var members = BlockOrder.Skip(first).Select(name => $"\"{name}\":{{}}");
            var key = BifrostJson.DeserializeKey("{" + string.Join(",", members) + "}");

            Assert.Equal(BlockOrder[first], key.Config!.WireName);
        }
    }

    [Fact]
    public void ProviderKey_ToString_names_id_name_and_block()
    {
        var key = BifrostJson.DeserializeKey("""{"id":"k1","name":"prod","value":"sk-secret","azure_key_config":{}}""");

        Assert.Equal("ProviderKey { Id = k1, Name = prod, azure_key_config }", key.ToString());
        Assert.Equal("ProviderKey { Id = (none), Name = (none) }", new ProviderKey().ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void RemoveMember_refuses_a_blank_name(string name)
    {
        var key = new ProviderKey();

        Assert.Throws<ArgumentException>(() => key.RemoveMember(name));
        Assert.False(key.IsRemovalIntended(name));
    }

    [Fact]
    public void Secret_fields_describe_themselves_without_the_secret()
    {
        Assert.Equal("value: (absent)", new SecretField("value", null).ToString());
        Assert.Equal("value: (secret)", new SecretField("value", SecretValue.Literal("sk-x")).ToString());
    }

    [Fact]
    public void Error_ToString_shows_status_and_message()
    {
        var error = BifrostModelFactory.BifrostError(statusCode: 400, message: "Key value must not be empty");

        Assert.Equal("BifrostError { StatusCode = 400, Message = Key value must not be empty }", error.ToString());
        Assert.Equal("Key value must not be empty", error.Error!.ToString());
        Assert.Equal(string.Empty, new BifrostErrorDetail().ToString());
    }

    [Fact]
    public void List_and_row_ToString_show_counts_and_ids_only()
    {
        var list = BifrostModelFactory.ProviderKeyList([new ProviderKey(), new ProviderKey()], total: 5);
        Assert.Equal("ProviderKeyList { Total = 5, Keys = 2 }", list.ToString());

        var row = BifrostModelFactory.KeySummary(keyId: "k1", name: "prod", provider: "openai");
        Assert.Equal("KeySummary { Provider = openai, KeyId = k1, Name = prod }", row.ToString());
    }

    [Fact]
    public void KeySummary_blacklisted_models_keep_what_is_set_and_read_null_as_empty()
    {
        var row = new KeySummary { BlacklistedModels = ["gpt-3.5-turbo"] };
        Assert.Equal(["gpt-3.5-turbo"], row.BlacklistedModels);

        row.BlacklistedModels = null!;
        Assert.Empty(row.BlacklistedModels);
    }

    [Fact]
    public void The_row_factory_uses_given_values_over_its_defaults()
    {
        var value = BifrostModelFactory.ServerSecret("sk-abcdefghijkl");
        var created = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        var extra = new Dictionary<string, JsonElement> { ["id"] = JsonDocument.Parse("7").RootElement };

        var row = BifrostModelFactory.KeySummary(
            value: value, blacklistedModels: ["m"], createdAt: created, updatedAt: created.AddDays(1), additionalProperties: extra);

        Assert.Same(value, row.Value);
        Assert.Equal(["m"], row.BlacklistedModels);
        Assert.Equal(created, row.CreatedAt);
        Assert.Equal(created.AddDays(1), row.UpdatedAt);
        Assert.Equal(7, row.AdditionalProperties["id"].GetInt32());
        Assert.False(row.AdditionalProperties.ContainsKey("provider_id"));
    }

    [Fact]
    public void The_error_factory_uses_given_members_over_the_empty_extra_fields()
    {
        var extra = new Dictionary<string, JsonElement> { ["request_id"] = JsonDocument.Parse("\"r-1\"").RootElement };

        var error = BifrostModelFactory.BifrostError(statusCode: 500, message: "x", additionalProperties: extra);

        Assert.Equal("r-1", error.AdditionalProperties["request_id"].GetString());
        Assert.False(error.AdditionalProperties.ContainsKey("extra_fields"));
    }

    [Fact]
    public void ServerSecret_validates_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => BifrostModelFactory.ServerSecret(null!));

        var bare = Assert.Throws<ArgumentException>(() => BifrostModelFactory.ServerSecret("x", reference: "vault."));
        Assert.StartsWith("A reference must look like 'env.NAME' or 'vault.path'.", bare.Message, StringComparison.Ordinal);

        var era = Assert.Throws<ArgumentException>(() => BifrostModelFactory.ServerSecret("x", reference: "vault.p", era: SecretWireEra.EnvVar));
        Assert.StartsWith("EnvVar-era servers have no vault references.", era.Message, StringComparison.Ordinal);
    }
}
