using System.Text.Json;

namespace Bifrost.Client.Tests.Updates;

public class UpdateGuardTests
{
    private static UnsafeUpdateException Refused(string provider, ProviderKey key, Action<ProviderKey> edit, UpdateKeyOptions? options = null)
    {
        var snapshot = key.Clone();
        edit(key);
        var ex = Assert.Throws<UnsafeUpdateException>(() => UpdateGuard.Check(provider, snapshot, key, options ?? UpdateKeyOptions.Default));
        Assert.StartsWith("Refusing to update the key: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(ex.FieldPath, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(UpdateTestKeys.Canary, ex.Message, StringComparison.Ordinal);
        return ex;
    }

    private static void Allowed(string provider, ProviderKey key, Action<ProviderKey> edit, UpdateKeyOptions? options = null)
    {
        var snapshot = key.Clone();
        edit(key);
        UpdateGuard.Check(provider, snapshot, key, options ?? UpdateKeyOptions.Default);
    }

    public static TheoryData<string> FixtureNames() => new(UpdateTestKeys.FixtureProviders.Keys);

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Untouched_fixture_key_passes(string fixture)
    {
        var key = UpdateTestKeys.Fixture(fixture);
        var snapshot = key.Clone();
        UpdateGuard.Check(UpdateTestKeys.FixtureProviders[fixture], snapshot, key, UpdateKeyOptions.Default);
        Assert.Equal(BifrostJson.Serialize(snapshot), BifrostJson.Serialize(key));
    }

    [Theory]
    [InlineData("sk-p************************9xQA")] // 4+24+4, another key's mask
    [InlineData("********")]                          // short mask
    [InlineData("***")]
    [InlineData("<redacted>")]
    [InlineData("[REDACTED]")]
    [InlineData("sk-r****ghij")]                      // UI display style
    [InlineData("sk-\u20269xQA")]                     // ellipsis character
    [InlineData("sk-...9xQA")]
    [InlineData("sk-\u2022\u2022\u2022\u20229xQA")]  // bullets
    public void Refuses_mask_looking_new_value(string pasted)
    {
        var ex = Refused("openai", UpdateTestKeys.Fixture("get-openai-env-ref.json"), k => k.Value = SecretValue.Literal(pasted));
        Assert.Equal(UnsafeUpdateReason.MaskAsNewValue, ex.Reason);
        Assert.Equal("value", ex.FieldPath);
        Assert.Contains("looks like a mask", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(pasted, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_received_mask_copied_to_another_field()
    {
        var key = UpdateTestKeys.AzureWithCanaries();
        var ex = Refused("azure", key, k => ((AzureKeyConfig)k.Config!).ClientSecret = k.Value);
        Assert.Equal(UnsafeUpdateReason.MaskAsNewValue, ex.Reason);
        Assert.Equal("azure_key_config.client_secret", ex.FieldPath);
    }

    [Fact]
    public void Refuses_an_alias_renamed_with_its_masked_secret()
    {
        var key = UpdateTestKeys.Fixture("get-bedrock-secretvar-era.json");
        key.Aliases["claude-sonnet-4-5"].InferenceProfileArn = null;
        var masked = BifrostJson.DeserializeKey("""{"name":"x","value":{"value":"arn:************************-4-5","type":"plain_text"}}""").Value;
        key.Aliases["claude-sonnet-4-5"].Region = masked;
        var snapshot = key.Clone();
        key.Aliases["claude"] = key.Aliases["claude-sonnet-4-5"];
        key.Aliases.Remove("claude-sonnet-4-5");
        var ex = Assert.Throws<UnsafeUpdateException>(() => UpdateGuard.Check("bedrock", snapshot, key, UpdateKeyOptions.Default));
        Assert.Equal(UnsafeUpdateReason.MaskAsNewValue, ex.Reason);
        Assert.Equal("aliases.claude.region", ex.FieldPath);
    }

    [Fact]
    public void Refuses_mask_pasted_into_an_unmodelled_block()
    {
        var key = UpdateTestKeys.AzureWithCanaries();
        var ex = Refused("azure", key, k => k.AdditionalProperties["databricks_key_config"] =
            JsonDocument.Parse("""{"workspace_url":"https://x.example","client_secret":"dbx1************************1xbd","api_format":"auto"}""").RootElement.Clone());
        Assert.Equal(UnsafeUpdateReason.MaskAsNewValue, ex.Reason);
        Assert.Equal("databricks_key_config.client_secret", ex.FieldPath);
    }

    [Fact]
    public void Refuses_a_secret_set_to_null()
    {
        var ex = Refused("azure", UpdateTestKeys.AzureWithCanaries(), k => ((AzureKeyConfig)k.Config!).TenantId = null);
        Assert.Equal(UnsafeUpdateReason.SecretDropped, ex.Reason);
        Assert.Equal("azure_key_config.tenant_id", ex.FieldPath);
        Assert.Contains("SecretValue.Empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_block_replaced_by_one_missing_secrets()
    {
        var ex = Refused("azure", UpdateTestKeys.AzureWithCanaries(), k => k.Config = new AzureKeyConfig { Endpoint = SecretValue.Literal("https://new.openai.azure.com") });
        Assert.Equal(UnsafeUpdateReason.SecretDropped, ex.Reason);
        Assert.Equal("azure_key_config.client_id", ex.FieldPath);
    }

    [Fact]
    public void Refuses_the_key_value_set_to_null()
    {
        var ex = Refused("openai", UpdateTestKeys.Fixture("get-openai-env-ref.json"), k => k.Value = null);
        Assert.Equal(UnsafeUpdateReason.SecretDropped, ex.Reason);
        Assert.Equal("value", ex.FieldPath);
    }

    [Fact]
    public void Allows_clearing_a_secret_with_SecretValue_Empty()
    {
        Allowed("azure", UpdateTestKeys.AzureWithCanaries(), k =>
        {
            var azure = (AzureKeyConfig)k.Config!;
            azure.ClientId = SecretValue.Empty;
            azure.ClientSecret = SecretValue.Empty;
            azure.TenantId = SecretValue.Empty;
        });
    }

    [Fact]
    public void Refuses_a_dropped_modelled_block()
    {
        var ex = Refused("vertex", UpdateTestKeys.Fixture("get-vertex-secretvar-era.json"), k => k.Config = null);
        Assert.Equal(UnsafeUpdateReason.ConfigBlockDropped, ex.Reason);
        Assert.Equal("vertex_key_config", ex.FieldPath);
        Assert.Contains("RemoveMember(\"vertex_key_config\")", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_block_swapped_for_another_kind()
    {
        var ex = Refused("vertex", UpdateTestKeys.Fixture("get-vertex-secretvar-era.json"), k => k.Config = new ReplicateKeyConfig());
        Assert.Equal(UnsafeUpdateReason.ConfigBlockDropped, ex.Reason);
        Assert.Equal("vertex_key_config", ex.FieldPath);
    }

    [Fact]
    public void Refuses_a_dropped_unmodelled_block()
    {
        var ex = Refused("azure", UpdateTestKeys.AzureWithCanaries(), k => k.AdditionalProperties.Remove("databricks_key_config"));
        Assert.Equal(UnsafeUpdateReason.ConfigBlockDropped, ex.Reason);
        Assert.Equal("databricks_key_config", ex.FieldPath);
    }

    [Fact]
    public void Refuses_an_unmodelled_block_set_to_json_null()
    {
        var ex = Refused("azure", UpdateTestKeys.AzureWithCanaries(), k => k.AdditionalProperties["databricks_key_config"] = JsonDocument.Parse("null").RootElement);
        Assert.Equal(UnsafeUpdateReason.ConfigBlockDropped, ex.Reason);
    }

    [Fact]
    public void Refuses_a_dropped_unmodelled_member()
    {
        var ex = Refused("azure", UpdateTestKeys.AzureWithCanaries(), k => k.AdditionalProperties.Clear());
        Assert.Equal("databricks_key_config", ex.FieldPath);

        var key = UpdateTestKeys.AzureWithCanaries();
        ex = Refused("azure", key, k => k.AdditionalProperties.Remove("future_flag"));
        Assert.Equal(UnsafeUpdateReason.FieldDropped, ex.Reason);
        Assert.Equal("future_flag", ex.FieldPath);
    }

    [Fact]
    public void Refuses_dropping_an_unmodelled_field_of_a_modelled_block()
    {
        var key = UpdateTestKeys.AzureWithCanaries();
        var ex = Refused("azure", key, k =>
        {
            var old = (AzureKeyConfig)k.Config!;
            k.Config = new AzureKeyConfig { Endpoint = old.Endpoint, ClientId = old.ClientId, ClientSecret = old.ClientSecret, TenantId = old.TenantId };
        });
        Assert.Equal(UnsafeUpdateReason.FieldDropped, ex.Reason);
        Assert.Equal("azure_key_config.future_field", ex.FieldPath);
    }

    [Fact]
    public void Allows_explicit_removal_of_blocks_and_members()
    {
        Allowed("vertex", UpdateTestKeys.Fixture("get-vertex-secretvar-era.json"), k => k.RemoveConfig());
        Allowed("azure", UpdateTestKeys.AzureWithCanaries(), k =>
        {
            k.RemoveMember("databricks_key_config");
            k.RemoveMember("future_flag");
        });
    }

    [Fact]
    public void Allows_replacing_a_block_after_explicit_removal()
    {
        Allowed("azure", UpdateTestKeys.AzureWithCanaries(), k =>
        {
            k.RemoveConfig();
            k.Config = new AzureKeyConfig { Endpoint = SecretValue.Literal("https://new.openai.azure.com") };
        });
    }

    [Fact]
    public void Removal_intent_does_not_survive_Clone()
    {
        var key = UpdateTestKeys.Fixture("get-vertex-secretvar-era.json");
        key.RemoveConfig();
        key.DenyAllModels();
        var copy = key.Clone();
        Assert.False(copy.IsRemovalIntended("vertex_key_config"));
        Assert.False(copy.IsDenyAllModelsIntended);
        Assert.True(key.IsRemovalIntended("vertex_key_config"));
    }

    [Fact]
    public void Refuses_emptied_models_without_deny_all_intent()
    {
        var ex = Refused("openai", UpdateTestKeys.Fixture("get-openai-env-ref.json"), k => k.Models.Clear());
        Assert.Equal(UnsafeUpdateReason.ModelsEmptied, ex.Reason);
        Assert.Equal("models", ex.FieldPath);
        Assert.Contains("DenyAllModels()", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allows_deny_all_through_the_explicit_API()
    {
        Allowed("openai", UpdateTestKeys.Fixture("get-openai-env-ref.json"), k => k.DenyAllModels());
    }

    [Theory]
    [InlineData("models", new[] { "*", "gpt-4o" }, "wildcard")]
    [InlineData("models", new[] { "gpt-4o", "GPT-4o" }, "more than once")]
    [InlineData("blacklisted_models", new[] { "gpt-4o", "*" }, "wildcard")]
    [InlineData("blacklisted_models", new[] { "o1", "O1" }, "more than once")]
    public void Refuses_invalid_model_lists(string path, string[] entries, string expected)
    {
        var ex = Refused("openai", UpdateTestKeys.Fixture("get-openai-env-ref.json"), k =>
        {
            if (path == "models")
            {
                k.Models = entries.ToList();
            }
            else
            {
                k.BlacklistedModels = entries.ToList();
            }
        });
        Assert.Equal(UnsafeUpdateReason.InvalidModelList, ex.Reason);
        Assert.Equal(path, ex.FieldPath);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_null_model_entry()
    {
        var ex = Refused("openai", UpdateTestKeys.Fixture("get-openai-env-ref.json"), k => k.Models = new List<string> { "gpt-4o", null! });
        Assert.Equal(UnsafeUpdateReason.InvalidModelList, ex.Reason);
    }

    public static TheoryData<string, string, string, Action<ProviderKey>> MissingRequired() => new()
    {
        { "get-azure-secretvar-era.json", "azure", "azure_key_config.endpoint", k => ((AzureKeyConfig)k.Config!).Endpoint = SecretValue.Empty },
        { "get-bedrock-secretvar-era.json", "bedrock", "bedrock_key_config.region", k => ((BedrockKeyConfig)k.Config!).Region = SecretValue.Empty },
        { "get-vllm-secretvar-era.json", "vllm", "vllm_key_config.url", k => ((VllmKeyConfig)k.Config!).Url = SecretValue.Empty },
        { "get-vllm-secretvar-era.json", "vllm", "vllm_key_config.model_name", k => ((VllmKeyConfig)k.Config!).ModelName = " " },
        { "get-ollama-envvar-era.json", "ollama", "ollama_key_config.url", k => ((OllamaKeyConfig)k.Config!).Url = SecretValue.Empty },
        { "get-sgl-secretvar-era.json", "sgl", "sgl_key_config.url", k => ((SglKeyConfig)k.Config!).Url = SecretValue.Empty },
        { "get-sgl-secretvar-era.json", "sgl", "sgl_key_config.url", k => k.RemoveConfig() },
        { "get-openai-env-ref.json", "openai", "value", k => k.Value = SecretValue.Empty },
        { "get-openai-env-ref.json", "openai", "name", k => k.Name = "" },
        { "get-vertex-secretvar-era.json", "vertex", "name", k => k.Name = null },
    };

    [Theory]
    [MemberData(nameof(MissingRequired))]
    public void Refuses_missing_required_fields(string fixture, string provider, string path, Action<ProviderKey> edit)
    {
        var ex = Refused(provider, UpdateTestKeys.Fixture(fixture), edit);
        Assert.Equal(UnsafeUpdateReason.RequiredFieldMissing, ex.Reason);
        Assert.Equal(path, ex.FieldPath);
    }

    [Fact]
    public void Refuses_a_missing_bedrock_mantle_region()
    {
        var key = BifrostJson.DeserializeKey("""
            {"name":"mantle","value":{"value":"","type":"plain_text"},"models":["*"],"weight":1,
             "bedrock_mantle_key_config":{"access_key":{"value":"AKIA************************MPLE","type":"plain_text"},
                                          "region":{"value":"us-e************************st-1","type":"plain_text"}}}
            """);
        var ex = Refused("bedrock_mantle", key, k => ((BedrockMantleKeyConfig)k.Config!).Region = SecretValue.Empty);
        Assert.Equal("bedrock_mantle_key_config.region", ex.FieldPath);
        Assert.Contains("is required for Bedrock Mantle keys", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_provider_checks_required_fields_only_with_a_base_provider_hint()
    {
        void Edit(ProviderKey k) => ((AzureKeyConfig)k.Config!).Endpoint = SecretValue.Empty;

        Allowed("my-azure", UpdateTestKeys.Fixture("get-azure-secretvar-era.json"), Edit);
        var ex = Refused("my-azure", UpdateTestKeys.Fixture("get-azure-secretvar-era.json"), Edit, new UpdateKeyOptions { BaseProvider = "azure" });
        Assert.Equal("azure_key_config.endpoint", ex.FieldPath);
    }

    [Fact]
    public void Custom_provider_based_on_openai_needs_a_value()
    {
        var ex = Refused("my-openai", UpdateTestKeys.Fixture("get-openai-env-ref.json"), k => k.Value = SecretValue.Empty, new UpdateKeyOptions { BaseProvider = "openai" });
        Assert.Equal("value", ex.FieldPath);
        Assert.Contains("must not be empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vertex")]
    [InlineData("ollama")]
    [InlineData("sgl")]
    public void Providers_that_may_have_an_empty_value_allow_clearing_it(string provider)
    {
        var fixture = UpdateTestKeys.FixtureProviders.First(p => p.Value == provider).Key;
        Allowed(provider, UpdateTestKeys.Fixture(fixture), k => k.Value = SecretValue.Empty);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Refuses_invalid_weights(double weight)
    {
        var ex = Refused("openai", UpdateTestKeys.Fixture("get-openai-env-ref.json"), k => k.Weight = weight);
        Assert.Equal(UnsafeUpdateReason.InvalidWeight, ex.Reason);
        Assert.Equal("weight", ex.FieldPath);
    }

    [Theory]
    [InlineData("weight")]
    [InlineData("enabled")]
    [InlineData("use_for_batch_api")]
    [InlineData("use_anthropic_endpoints")]
    public void Refuses_plain_fields_set_to_null(string path)
    {
        var ex = Refused("openai", UpdateTestKeys.Fixture("get-openai-env-ref.json"), k =>
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
        Assert.Equal(path, ex.FieldPath);
    }

    [Fact]
    public void Allows_ordinary_edits()
    {
        Allowed("azure", UpdateTestKeys.AzureWithCanaries(), k =>
        {
            k.Weight = 0.25;
            k.Enabled = false;
            k.Models.Add("o3");
            k.BlacklistedModels.Add("gpt-4o-mini");
            k.Aliases.Remove("gpt-4o");
            k.Aliases["o3"] = "prod-o3";
            k.Value = SecretValue.Literal("a-brand-new-api-key-0001");
            ((AzureKeyConfig)k.Config!).ClientSecret = SecretValue.FromEnvironment("AZURE_CLIENT_SECRET");
            ((AzureKeyConfig)k.Config!).TenantId = SecretValue.FromVault("azure/tenant");
            k.AdditionalProperties["future_flag"] = JsonDocument.Parse("false").RootElement;
        });
    }

    [Fact]
    public void Allows_echoing_every_received_value_even_masks()
    {
        // Untouched values are sent back exactly as received, even though they are masks.
        var key = UpdateTestKeys.Fixture("get-bedrock-secretvar-era.json");
        Allowed("bedrock", key, k => k.Weight = 0.5);
    }

    [Fact]
    public void Validates_arguments()
    {
        var key = UpdateTestKeys.Fixture("get-openai-env-ref.json");
        Assert.Throws<ArgumentException>(() => UpdateGuard.Check(" ", key, key, UpdateKeyOptions.Default));
        Assert.Throws<ArgumentNullException>(() => UpdateGuard.Check("openai", null!, key, UpdateKeyOptions.Default));
        Assert.Throws<ArgumentNullException>(() => UpdateGuard.Check("openai", key, null!, UpdateKeyOptions.Default));
        Assert.Throws<ArgumentNullException>(() => UpdateGuard.Check("openai", key, key, null!));
    }
}
