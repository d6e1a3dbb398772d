using System.Text.Json;

namespace Bifrost.Client.Tests.Mutation;

/// <summary>Kills mutants of the alias converter that the behaviour tests left alive (docs/mutation-testing.md).</summary>
public sealed class ModelAliasMutationTests
{
    [Fact]
    public void Every_modelled_alias_member_is_written_back()
    {
        const string json = """{"model_id":"m","model_name":"n","description":"d","model_family":"openai","region":"us-east-1","project_id":{"value":"********","type":"plain_text"},"use_anthropic_endpoints":true,"api_version":"2024-10-21","anthropic_version":"2023-06-01","endpoint":"https://x.example","project_number":"123","force_single_region":false,"inference_profile_arn":"arn:aws:x","use_deployments_endpoint":true,"extra":[1]}""";

        var alias = BifrostJson.Deserialize<ModelAlias>(json)!;

        Assert.Equal(json, BifrostJson.Serialize(alias));
        Assert.Equal("d", alias.Description);
        Assert.Equal("2023-06-01", alias.AnthropicVersion);
        Assert.False(alias.ForceSingleRegion);
        Assert.True(alias.UseDeploymentsEndpoint);
    }

    [Theory]
    [InlineData("description", "\"d\"")]
    [InlineData("anthropic_version", "\"2023-06-01\"")]
    [InlineData("force_single_region", "true")]
    [InlineData("use_deployments_endpoint", "false")]
    public void A_single_optional_member_round_trips(string name, string value)
    {
        var json = $$"""{"model_id":"m","{{name}}":{{value}}}""";

        Assert.Equal(json, BifrostJson.Serialize(BifrostJson.Deserialize<ModelAlias>(json)!));
    }

    [Fact]
    public void A_null_alias_is_rejected_with_its_path()
    {
        var ex = Assert.Throws<JsonException>(() => BifrostJson.DeserializeKey("""{"id":"k","aliases":{"gpt-4o":null}}"""));

        Assert.Contains("$.aliases.gpt-4o", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("true")]
    [InlineData("[\"m\"]")]
    public void An_alias_that_is_neither_a_string_nor_an_object_is_rejected(string value)
    {
        var ex = Assert.Throws<JsonException>(() => BifrostJson.DeserializeKey("{\"id\":\"k\",\"aliases\":{\"gpt-4o\":" + value + "}}"));

        Assert.Contains("$.aliases.gpt-4o", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_alias_put_in_by_code_is_written_as_null()
    {
        var key = new ProviderKey { Name = "k" };
        key.Aliases["gpt-4o"] = null!;

        Assert.Contains("\"aliases\":{\"gpt-4o\":null}", BifrostJson.Serialize(key), StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_model_id_reads_as_empty_and_counts_as_present()
    {
        var alias = BifrostJson.Deserialize<ModelAlias>("""{"model_id":null,"model_name":"n"}""")!;

        Assert.Equal(string.Empty, alias.ModelId);
        Assert.Equal("""{"model_id":"","model_name":"n"}""", BifrostJson.Serialize(alias));
    }

    [Fact]
    public void A_model_id_set_on_an_alias_read_without_one_is_written()
    {
        var alias = BifrostJson.Deserialize<ModelAlias>("""{"model_name":"n"}""")!;
        Assert.Equal("""{"model_name":"n"}""", BifrostJson.Serialize(alias));

        alias.ModelId = "m";

        Assert.Equal("""{"model_id":"m","model_name":"n"}""", BifrostJson.Serialize(alias));
    }

    [Fact]
    public void A_null_alias_secret_reads_as_absent()
    {
        var alias = BifrostJson.Deserialize<ModelAlias>("""{"model_id":"m","region":null,"endpoint":null}""")!;

        Assert.Null(alias.Region);
        Assert.Null(alias.Endpoint);
        Assert.Equal("""{"model_id":"m"}""", BifrostJson.Serialize(alias));
    }
}
