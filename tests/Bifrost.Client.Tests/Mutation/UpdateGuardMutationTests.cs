using System.Text.Json;

namespace Bifrost.Client.Tests.Mutation;

/// <summary>Kills mutants of <see cref="UpdateGuard"/> that the behaviour tests left alive (docs/mutation-testing.md).</summary>
public sealed class UpdateGuardMutationTests
{
    private const string Prefix = "Refusing to update the key: ";

    [Fact]
    public void A_weight_of_zero_passes()
    {
        Check("openai", Base(), k => k.Weight = 0);
    }

    [Fact]
    public void A_key_that_had_no_models_may_stay_without_models()
    {
        Check("openai", """{"id":"k1","name":"n","value":"sk-p************************9xQA","models":[]}""", k => k.Weight = 1);
    }

    [Theory]
    [InlineData("weight", "the server would store weight 0 and the key would get no traffic")]
    [InlineData("enabled", "the server would store enabled = true, re-enabling a disabled key")]
    [InlineData("use_for_batch_api", "the server would store false")]
    [InlineData("use_anthropic_endpoints", "the server would store false")]
    public void A_dropped_plain_field_says_what_the_server_would_store(string path, string effect)
    {
        var ex = Refused("openai", Base(), k =>
        {
            switch (path)
            {
                case "weight": k.Weight = null; break;
                case "enabled": k.Enabled = null; break;
                case "use_for_batch_api": k.UseForBatchApi = null; break;
                default: k.UseAnthropicEndpoints = null; break;
            }
        });

        Assert.Equal(UnsafeUpdateReason.FieldDropped, ex.Reason);
        Assert.Equal($"{Prefix}{path} was set to null but the stored key has a value; {effect}. Set an explicit value instead.", ex.Message);
    }

    [Fact]
    public void A_dropped_block_and_a_dropped_member_get_their_messages()
    {
        var block = Refused("azure", Base(""" ,"azure_key_config":{"endpoint":"https://a.example"}"""), k => k.Config = null);
        Assert.Equal(
            $"{Prefix}azure_key_config was dropped by the edit; the update replaces the whole key, so the stored block and its secrets would be wiped. "
            + "Keep the block (edit its fields instead of replacing it), or call key.RemoveMember(\"azure_key_config\") (or key.RemoveConfig()) to remove it on purpose.",
            block.Message);

        var member = Refused("openai", Base(""" ,"x_extra":1"""), k => k.AdditionalProperties.Remove("x_extra"));
        Assert.Equal(
            $"{Prefix}x_extra (a member the SDK does not model) was dropped by the edit; the update replaces the whole key, so the server would wipe it. "
            + "Keep it, or call key.RemoveMember(\"x_extra\") to remove it on purpose.",
            member.Message);
    }

    [Fact]
    public void A_member_that_was_null_may_be_dropped()
    {
        Check("openai", Base(""" ,"x_extra":null"""), k => k.AdditionalProperties.Remove("x_extra"));
    }

    [Fact]
    public void An_unmodelled_field_of_a_block_set_to_null_counts_as_dropped()
    {
        var ex = Refused("azure", Base(""" ,"azure_key_config":{"endpoint":"https://a.example","x_new":"v"}"""),
            k => k.Config!.AdditionalProperties["x_new"] = Json("null"));

        Assert.Equal(UnsafeUpdateReason.FieldDropped, ex.Reason);
        Assert.Equal("azure_key_config.x_new", ex.FieldPath);
        Assert.Equal(
            $"{Prefix}azure_key_config.x_new (a field the SDK does not model, possibly a secret) was dropped, most likely by replacing the block; the server would wipe it. "
            + "Edit the block's fields instead of replacing it, or call key.RemoveConfig() before assigning a new block.",
            ex.Message);
    }

    [Fact]
    public void A_mask_as_a_new_secret_is_explained()
    {
        var ex = Refused("openai", Base(), k => k.Value = SecretValue.Literal("sk-a************************zzzz"));

        Assert.Equal(
            $"{Prefix}value would be sent with a new value that looks like a mask or a redacted preview. "
            + "Older servers store such a value as the real credential, destroying the secret. "
            + "Leave the field untouched to keep the stored secret (never copy a mask from a response or from another field), or set the real new value.",
            ex.Message);
    }

    [Fact]
    public void Masks_in_unmodelled_members_of_a_block_are_checked_against_the_same_block()
    {
        const string json = """ ,"azure_key_config":{"endpoint":"https://a.example","x_hint":"********"}""";

        // Unchanged: the stored mask is echoed.
        Check("azure", Base(json), k => k.Weight = 0.5);

        // New: refused, with the block's path and the unmodelled-member message.
        var ex = Refused("azure", Base(json), k => k.Config!.AdditionalProperties["x_other"] = Json("\"***\""));
        Assert.Equal("azure_key_config.x_other", ex.FieldPath);
        Assert.Equal(
            $"{Prefix}azure_key_config.x_other would be sent with a new value that looks like a mask or a redacted preview. "
            + "The server may store it as the real value. Leave the member untouched or set the real new value.",
            ex.Message);
    }

    [Fact]
    public void A_new_block_with_unmodelled_members_is_checked_without_a_stored_counterpart()
    {
        Check("azure", Base(), k =>
        {
            var azure = new AzureKeyConfig { Endpoint = SecretValue.Literal("https://a.example") };
            azure.AdditionalProperties["x_new"] = Json("\"plain\"");
            k.Config = azure;
        });
    }

    [Fact]
    public void Arrays_in_unmodelled_members_are_scanned_element_by_element()
    {
        const string json = """ ,"x_list":["a","********"]""";

        Check("openai", Base(json), k => k.Weight = 0.5);
        Check("openai", Base(json), k => k.AdditionalProperties["x_list"] = Json("""["a","********","c"]"""));

        var ex = Refused("openai", Base(json), k => k.AdditionalProperties["x_list"] = Json("""["***","********"]"""));
        Assert.Equal("x_list[0]", ex.FieldPath);
        Assert.Equal(UnsafeUpdateReason.MaskAsNewValue, ex.Reason);

        var third = Refused("openai", Base(json), k => k.AdditionalProperties["x_list"] = Json("""["a","********","<redacted>"]"""));
        Assert.Equal("x_list[2]", third.FieldPath);
    }

    [Fact]
    public void Removing_one_alias_does_not_excuse_dropping_a_secret_of_an_alias_with_a_longer_name()
    {
        const string json = """ ,"aliases":{"a":{"model_id":"m","region":"us-east-1"},"ab":{"model_id":"m","region":"us-east-1"}}""";

        var ex = Refused("openai", Base(json), k =>
        {
            k.Aliases.Remove("a");
            k.Aliases["ab"].Region = null;
        });

        Assert.Equal(UnsafeUpdateReason.SecretDropped, ex.Reason);
        Assert.Equal("aliases.ab.region", ex.FieldPath);
    }

    private static string Base(string extra = "") =>
        $$"""{"id":"k1","name":"n","value":"sk-p************************9xQA","models":["*"],"weight":1,"enabled":true,"use_for_batch_api":false,"use_anthropic_endpoints":false{{extra}}}""";

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static void Check(string provider, string json, Action<ProviderKey> edit)
    {
        var key = BifrostJson.DeserializeKey(json);
        var original = key.Clone();
        edit(key);
        UpdateGuard.Check(provider, original, key, UpdateKeyOptions.Default);
    }

    private static UnsafeUpdateException Refused(string provider, string json, Action<ProviderKey> edit) =>
        Assert.Throws<UnsafeUpdateException>(() => Check(provider, json, edit));
}
