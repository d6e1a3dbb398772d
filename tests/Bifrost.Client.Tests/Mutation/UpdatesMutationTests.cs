using System.Text.Json.Nodes;

namespace Bifrost.Client.Tests.Mutation;

/// <summary>Kills mutants of the safe-update helper (Updates/) that the behaviour tests left alive (docs/mutation-testing.md).</summary>
public sealed class UpdatesMutationTests
{
    // A key carrying every modelled block that has secret fields, each secret a received mask.
    private const string AllBlocksJson = """
        {"id":"k1","name":"all","value":"sk-p************************9xQA","models":["*"],"weight":1,
         "azure_key_config":{"endpoint":"https://a.example","client_id":"********","client_secret":"********","tenant_id":"********"},
         "vertex_key_config":{"project_id":"********","project_number":"********","region":"us-central1","auth_credentials":"********"},
         "bedrock_key_config":{"access_key":"********","secret_key":"********","session_token":"********","region":"us-east-1","arn":"********",
                               "role_arn":"********","external_id":"********","session_name":"********","project_id":"p","batch_role_arn":"********"},
         "bedrock_mantle_key_config":{"access_key":"********","secret_key":"********","session_token":"********","region":"us-east-1",
                                      "role_arn":"********","external_id":"********","session_name":"********","project_id":"p"},
         "vllm_key_config":{"url":"http://vllm:8000","model_name":"m"},
         "ollama_key_config":{"url":"http://ollama:11434"},
         "sgl_key_config":{"url":"http://sgl:30000"}}
        """;

    public static TheoryData<string> SecretPathNames()
    {
        var data = new TheoryData<string>();
        foreach (var path in SecretPaths.Supported)
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SecretPathNames))]
    public void RotateSecret_sets_the_field_at_its_wire_path(string path)
    {
        var key = BifrostJson.DeserializeKey(AllBlocksJson);

        KeyEdits.RotateSecret(path, SecretValue.FromEnvironment("ROTATED"))(key);

        var node = JsonNode.Parse(BifrostJson.Serialize(key))!;
        foreach (var part in path.Split('.'))
        {
            node = node[part]!;
        }

        Assert.Equal("env.ROTATED", node.GetValue<string>());
    }

    [Fact]
    public void Setting_an_unknown_path_directly_is_refused_with_the_supported_list()
    {
        var ex = Assert.Throws<ArgumentException>(() => SecretPaths.Set(new ProviderKey(), "azure_key_config.api_version", SecretValue.Empty));

        Assert.Equal("path", ex.ParamName);
        Assert.StartsWith("'azure_key_config.api_version' is not a secret field path. Supported: value, azure_key_config.endpoint, ", ex.Message, StringComparison.Ordinal);
    }

    // ---- provider rules ----------------------------------------------------------------------------------------------

    public static TheoryData<string> ProvidersThatNeedAValue() => new()
    {
        "openai", "anthropic", "cohere", "gemini", "mistral", "groq", "xai", "replicate", "huggingface", "openrouter",
        "perplexity", "cerebras", "deepseek", "nebius", "fireworks", "parasail", "OpenAI",
    };

    [Theory]
    [MemberData(nameof(ProvidersThatNeedAValue))]
    public void A_built_in_provider_that_needs_a_value_refuses_an_emptied_one(string provider)
    {
        var ex = Refusal(provider, """{"id":"k1","name":"n","value":"sk-p************************9xQA","models":["*"]}""", k => k.Value = SecretValue.Empty);

        Assert.Equal(UnsafeUpdateReason.RequiredFieldMissing, ex.Reason);
        Assert.Equal("value", ex.FieldPath);
        Assert.Equal($"Refusing to update the key: value must not be empty for '{provider.ToLowerInvariant()}' keys; the server rejects it. Keep the stored value (leave it untouched) or set a new one.", ex.Message);
    }

    public static TheoryData<string, string> ProvidersWithTheirRequiredBlock() => new()
    {
        { "azure", """ "azure_key_config":{"endpoint":"https://a.example"}""" },
        { "vertex", """ "vertex_key_config":{"project_id":"p","project_number":"1","region":"r","auth_credentials":""}""" },
        { "bedrock", """ "bedrock_key_config":{"access_key":"","secret_key":"","region":"us-east-1"}""" },
        { "bedrock_mantle", """ "bedrock_mantle_key_config":{"access_key":"","secret_key":"","region":"us-east-1"}""" },
        { "vllm", """ "vllm_key_config":{"url":"http://vllm:8000","model_name":"m"}""" },
        { "ollama", """ "ollama_key_config":{"url":"http://ollama:11434"}""" },
        { "sgl", """ "sgl_key_config":{"url":"http://sgl:30000"}""" },
    };

    [Theory]
    [MemberData(nameof(ProvidersWithTheirRequiredBlock))]
    public void A_provider_whose_value_may_be_empty_accepts_an_empty_value(string provider, string block)
    {
        var key = BifrostJson.DeserializeKey($$"""{"id":"k1","name":"n","value":"","models":["*"],{{block}}}""");

        UpdateGuard.Check(provider, key.Clone(), key, UpdateKeyOptions.Default);
    }

    [Theory]
    [InlineData("azure", """ "azure_key_config":{"endpoint":""}""", "azure_key_config.endpoint is required for Azure keys")]
    [InlineData("bedrock", """ "bedrock_key_config":{"access_key":"","secret_key":""}""", "bedrock_key_config.region is required for Bedrock keys")]
    [InlineData("bedrock_mantle", """ "bedrock_mantle_key_config":{"access_key":""}""", "bedrock_mantle_key_config.region is required for Bedrock Mantle keys")]
    [InlineData("vllm", """ "vllm_key_config":{"model_name":"m"}""", "vllm_key_config.url is required for VLLM keys")]
    [InlineData("vllm", """ "vllm_key_config":{"url":"http://vllm:8000"}""", "vllm_key_config.model_name is required for VLLM keys")]
    [InlineData("ollama", """ "ollama_key_config":{}""", "ollama_key_config.url is required for Ollama keys")]
    [InlineData("sgl", """ "sgl_key_config":{}""", "sgl_key_config.url is required for SGL keys")]
    public void A_missing_required_field_is_named_with_the_server_rule(string provider, string block, string rule)
    {
        var ex = Refusal(provider, $$"""{"id":"k1","name":"n","value":"","models":["*"],{{block}}}""", _ => { });

        Assert.Equal(UnsafeUpdateReason.RequiredFieldMissing, ex.Reason);
        Assert.Equal($"Refusing to update the key: {rule} and is missing or empty. Keep the stored value (leave the field untouched) or set a new one.", ex.Message);
    }

    [Fact]
    public void A_base_provider_hint_that_is_not_built_in_applies_no_rules()
    {
        var key = BifrostJson.DeserializeKey("""{"id":"k1","name":"n","value":"sk-p************************9xQA","models":["*"]}""");
        var original = key.Clone();
        key.Value = SecretValue.Empty;

        UpdateGuard.Check("my-provider", original, key, new UpdateKeyOptions { BaseProvider = "my-base" });
        var ex = Assert.Throws<UnsafeUpdateException>(() => UpdateGuard.Check("my-provider", original, key, new UpdateKeyOptions { BaseProvider = "OpenAI" }));
        Assert.Equal("value", ex.FieldPath);
    }

    // ---- the flow ----------------------------------------------------------------------------------------------------

    [Fact]
    public void The_default_options_verify_that_the_key_is_unchanged()
    {
        Assert.True(new UpdateKeyOptions().VerifyUnchanged);
        Assert.True(UpdateKeyOptions.Default.VerifyUnchanged);
    }

    [Fact]
    public async Task Without_options_the_key_is_read_again_before_the_write()
    {
        var reads = 0;
        var written = await SafeKeyUpdater.UpdateAsync(
            "openai", "k1", k => k.Weight = 0.5, null,
            SafeKeyUpdater.Reader(_ => { reads++; return Task.FromResult(Key()); }),
            (body, _) => Task.FromResult(body),
            CancellationToken.None);

        Assert.Equal(2, reads);
        Assert.Equal(0.5, written.Weight);
    }

    [Fact]
    public async Task A_cancellation_during_the_re_read_stops_before_the_write()
    {
        using var cts = new CancellationTokenSource();
        var reads = 0;
        var writes = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SafeKeyUpdater.UpdateAsync(
            "openai", "k1", k => k.Weight = 0.5, null,
            SafeKeyUpdater.Reader(_ =>
            {
                if (++reads == 2)
                {
                    cts.Cancel();
                }

                return Task.FromResult(Key());
            }),
            (body, _) => { writes++; return Task.FromResult(body); },
            cts.Token));

        Assert.Equal(2, reads);
        Assert.Equal(0, writes);
    }

    [Fact]
    public async Task A_cancelled_preview_reads_nothing()
    {
        var reads = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SafeKeyUpdater.PreviewAsync(
            "openai", "k1", k => k.Weight = 0.5, null, SafeKeyUpdater.Reader(_ => { reads++; return Task.FromResult(Key()); }), new CancellationToken(canceled: true)));

        Assert.Equal(0, reads);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_read_that_returns_null_is_an_error(int nullOnRead)
    {
        var reads = 0;

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => SafeKeyUpdater.UpdateAsync(
            "openai", "k1", k => k.Weight = 0.5, null,
            SafeKeyUpdater.Reader(_ => Task.FromResult(++reads == nullOnRead ? null! : Key())),
            (body, _) => Task.FromResult(body),
            CancellationToken.None));

        Assert.Equal("The key read returned null.", ex.Message);
    }

    [Fact]
    public async Task Preview_and_edit_honour_the_base_provider_option()
    {
        var options = new UpdateKeyOptions { BaseProvider = "azure" };

        var preview = await Assert.ThrowsAsync<UnsafeUpdateException>(() => SafeKeyUpdater.PreviewAsync(
            "my-azure", "k1", k => k.Weight = 0.5, options, SafeKeyUpdater.Reader(_ => Task.FromResult(Key())), CancellationToken.None));
        var edit = Assert.Throws<UnsafeUpdateException>(() => SafeKeyUpdater.EditAndCheck("my-azure", Key(), k => k.Weight = 0.5, options));

        Assert.Equal("azure_key_config.endpoint", preview.FieldPath);
        Assert.Equal("azure_key_config.endpoint", edit.FieldPath);
    }

    [Fact]
    public void Arguments_are_checked_before_the_edit_runs()
    {
        var ran = false;
        Action<ProviderKey> edit = _ => ran = true;

        Assert.Throws<ArgumentException>(() => SafeKeyUpdater.EditAndCheck(" ", Key(), edit, null));
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => SafeKeyUpdater.EditAndCheck("openai", null!, edit, null)).ParamName);
        Assert.Equal("edit", Assert.Throws<ArgumentNullException>(() => SafeKeyUpdater.EditAndCheck("openai", Key(), null!, null)).ParamName);
        Assert.False(ran);
    }

    [Fact]
    public async Task The_flow_needs_its_delegates()
    {
        var write = await Assert.ThrowsAsync<ArgumentNullException>(() => SafeKeyUpdater.UpdateAsync(
            "openai", "k1", k => k.Weight = 0.5, null, SafeKeyUpdater.Reader(_ => Task.FromResult(Key())), null!, CancellationToken.None));
        var read = Assert.Throws<ArgumentNullException>(() => SafeKeyUpdater.Reader(null!));
        var rawRead = await Assert.ThrowsAsync<ArgumentNullException>(() => SafeKeyUpdater.PreviewAsync(
            "openai", "k1", k => k.Weight = 0.5, null, null!, CancellationToken.None));

        Assert.Equal("write", write.ParamName);
        Assert.Equal("read", read.ParamName);
        Assert.Equal("read", rawRead.ParamName);
    }

    // ---- public types ------------------------------------------------------------------------------------------------

    [Fact]
    public void Public_constructors_refuse_null()
    {
        var key = Key();
        IReadOnlyList<KeyChange> none = [];

        Assert.Equal("fieldPath", Assert.Throws<ArgumentNullException>(() => new UnsafeUpdateException(null!, UnsafeUpdateReason.SecretDropped, "m")).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => new KeyChange(null!, KeyChangeKind.Added, null, "x")).ParamName);
        Assert.Equal("provider", Assert.Throws<ArgumentNullException>(() => new KeyUpdatePreview(null!, "k1", none, key)).ParamName);
        Assert.Equal("keyId", Assert.Throws<ArgumentNullException>(() => new KeyUpdatePreview("openai", null!, none, key)).ParamName);
        Assert.Equal("changes", Assert.Throws<ArgumentNullException>(() => new KeyUpdatePreview("openai", "k1", null!, key)).ParamName);
        Assert.Equal("body", Assert.Throws<ArgumentNullException>(() => new KeyUpdatePreview("openai", "k1", none, null!)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentNullException>(() => StoredKeyComparer.AreSameStoredKey(null!, key)).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentNullException>(() => StoredKeyComparer.AreSameStoredKey(key, null!)).ParamName);
    }

    [Fact]
    public void A_preview_lists_its_changes_one_per_indented_line()
    {
        var key = Key();
        var one = new KeyUpdatePreview("openai", "k1", [new KeyChange("weight", KeyChangeKind.Changed, "1", "0.5")], key);
        var two = new KeyUpdatePreview("openai", "k1",
            [new KeyChange("weight", KeyChangeKind.Changed, "1", "0.5"), new KeyChange("models[gpt-4o]", KeyChangeKind.Added, null, "gpt-4o")], key);

        Assert.Equal("Update of key k1 (openai): 1 change" + Environment.NewLine + "  weight: Changed 1 -> 0.5", one.ToString());
        Assert.Equal(
            "Update of key k1 (openai): 2 changes" + Environment.NewLine + "  weight: Changed 1 -> 0.5" + Environment.NewLine + "  models[gpt-4o]: Added gpt-4o",
            two.ToString());
    }

    private static ProviderKey Key() =>
        BifrostJson.DeserializeKey("""{"id":"k1","name":"n","value":"sk-p************************9xQA","models":["*"],"weight":1}""");

    private static UnsafeUpdateException Refusal(string provider, string json, Action<ProviderKey> edit)
    {
        var key = BifrostJson.DeserializeKey(json);
        var original = key.Clone();
        edit(key);
        return Assert.Throws<UnsafeUpdateException>(() => UpdateGuard.Check(provider, original, key, UpdateKeyOptions.Default));
    }
}
