namespace Bifrost.Client.Tests.Updates;

public class KeyEditsTests
{
    private static ProviderKey Apply(string fixture, Action<ProviderKey> edit, string provider)
    {
        var key = UpdateTestKeys.Fixture(fixture);
        SafeKeyUpdater.EditAndCheck(provider, key, edit, null); // every convenience edit passes the guard
        return key;
    }

    [Fact]
    public void RotateSecret_replaces_the_key_value_only()
    {
        var original = UpdateTestKeys.Fixture("get-openai-env-ref.json");
        var key = Apply("get-openai-env-ref.json", KeyEdits.RotateSecret(SecretValue.FromEnvironment("OPENAI_KEY_2")), "openai");
        Assert.Equal("env.OPENAI_KEY_2", key.Value!.Reference);
        key.Value = original.Value;
        Assert.Equal(BifrostJson.Serialize(original), BifrostJson.Serialize(key));
    }

    public static TheoryData<string, string, string> SecretPathCases() => new()
    {
        { "get-azure-entra-envvar-era.json", "azure", "azure_key_config.client_secret" },
        { "get-bedrock-secretvar-era.json", "bedrock", "bedrock_key_config.secret_key" },
        { "get-vertex-secretvar-era.json", "vertex", "vertex_key_config.auth_credentials" },
        { "get-vllm-secretvar-era.json", "vllm", "vllm_key_config.url" },
        { "get-ollama-envvar-era.json", "ollama", "ollama_key_config.url" },
        { "get-sgl-secretvar-era.json", "sgl", "sgl_key_config.url" },
    };

    [Theory]
    [MemberData(nameof(SecretPathCases))]
    public void RotateSecret_by_path_changes_exactly_that_field(string fixture, string provider, string path)
    {
        var before = UpdateTestKeys.Fixture(fixture);
        var key = Apply(fixture, KeyEdits.RotateSecret(path, SecretValue.Literal("http://rotated.example:8000")), provider);
        var change = Assert.Single(KeyDiff.Compute(before, key));
        Assert.Equal(path, change.Path);
        Assert.Equal("(new secret)", change.After);
    }

    [Fact]
    public void RotateSecret_rejects_unknown_paths_when_built()
    {
        var ex = Assert.Throws<ArgumentException>(() => KeyEdits.RotateSecret("azure_key_config.scopes", SecretValue.Literal("x")));
        Assert.Contains("is not a secret field path", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => KeyEdits.RotateSecret(null!));
    }

    [Fact]
    public void RotateSecret_fails_on_a_key_without_the_block()
    {
        var key = UpdateTestKeys.Fixture("get-openai-env-ref.json");
        var ex = Assert.Throws<InvalidOperationException>(() => KeyEdits.RotateSecret("azure_key_config.endpoint", SecretValue.Literal("https://x"))(key));
        Assert.Contains("has no azure_key_config", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetWeight_sets_and_validates()
    {
        Assert.Equal(0.3, Apply("get-replicate.json", KeyEdits.SetWeight(0.3), "replicate").Weight);
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyEdits.SetWeight(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyEdits.SetWeight(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyEdits.SetWeight(double.PositiveInfinity));
    }

    [Fact]
    public void AllowModels_adds_missing_models_and_unblocks_them()
    {
        var key = UpdateTestKeys.Fixture("get-azure-secretvar-era.json");
        key.BlacklistedModels.Add("O3");
        SafeKeyUpdater.EditAndCheck("azure", key, KeyEdits.AllowModels("o3", "GPT-4O", "o3"), null);
        Assert.Equal(["gpt-4o", "gpt-4o-mini", "o3"], key.Models);
        Assert.Empty(key.BlacklistedModels);
    }

    [Fact]
    public void AllowModels_on_a_key_that_allows_all_keeps_the_wildcard()
    {
        var key = Apply("get-openai-env-ref.json", KeyEdits.AllowModels("o3"), "openai");
        Assert.Equal(["*"], key.Models);
    }

    [Fact]
    public void AllowAllModels_sets_the_wildcard()
    {
        Assert.Equal(["*"], Apply("get-vllm-secretvar-era.json", KeyEdits.AllowAllModels(), "vllm").Models);
    }

    [Fact]
    public void BlockModels_and_UnblockModels()
    {
        var key = Apply("get-openai-env-ref.json", KeyEdits.BlockModels("o1", "O1", "gpt-3.5-turbo"), "openai");
        Assert.Equal(["o1", "gpt-3.5-turbo"], key.BlacklistedModels);
        SafeKeyUpdater.EditAndCheck("openai", key, KeyEdits.UnblockModels("O1"), null);
        Assert.Equal(["gpt-3.5-turbo"], key.BlacklistedModels);
    }

    [Fact]
    public void RemoveModels_that_empties_the_list_is_refused_and_DenyAllModels_is_allowed()
    {
        var key = UpdateTestKeys.Fixture("get-vertex-secretvar-era.json");
        var ex = Assert.Throws<UnsafeUpdateException>(() => SafeKeyUpdater.EditAndCheck("vertex", key, KeyEdits.RemoveModels("gemini-2.5-pro", "GEMINI-2.5-FLASH"), null));
        Assert.Equal(UnsafeUpdateReason.ModelsEmptied, ex.Reason);

        Assert.Empty(Apply("get-vertex-secretvar-era.json", KeyEdits.DenyAllModels(), "vertex").Models);
        Assert.Equal(["gemini-2.5-flash"], Apply("get-vertex-secretvar-era.json", KeyEdits.RemoveModels("gemini-2.5-pro"), "vertex").Models);
    }

    [Fact]
    public void Model_edits_validate_their_arguments()
    {
        Assert.Throws<ArgumentException>(() => KeyEdits.AllowModels());
        Assert.Throws<ArgumentException>(() => KeyEdits.AllowModels("*"));
        Assert.Throws<ArgumentException>(() => KeyEdits.BlockModels(" "));
        Assert.Throws<ArgumentException>(() => KeyEdits.RemoveModels(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => KeyEdits.UnblockModels(null!));
    }

    [Fact]
    public void Enable_and_Disable()
    {
        Assert.True(Apply("get-vertex-secretvar-era.json", KeyEdits.Enable(), "vertex").Enabled);
        Assert.False(Apply("get-openai-env-ref.json", KeyEdits.Disable(), "openai").Enabled);
    }

    [Fact]
    public void SetAlias_and_RemoveAlias()
    {
        var key = Apply("get-azure-secretvar-era.json", KeyEdits.Combine(KeyEdits.SetAlias("o3", "prod-o3"), KeyEdits.RemoveAlias("gpt-4o")), "azure");
        Assert.Equal("prod-o3", key.Aliases["o3"].ModelId);
        Assert.False(key.Aliases.ContainsKey("gpt-4o"));
        Assert.Throws<ArgumentException>(() => KeyEdits.SetAlias(" o3", "x"));
        Assert.Throws<ArgumentNullException>(() => KeyEdits.SetAlias("o3", null!));
        Assert.Throws<ArgumentException>(() => KeyEdits.RemoveAlias(""));
    }

    [Fact]
    public void Combine_runs_edits_in_order_and_validates()
    {
        var key = Apply("get-openai-env-ref.json", KeyEdits.Combine(KeyEdits.SetWeight(0.2), KeyEdits.SetWeight(0.7)), "openai");
        Assert.Equal(0.7, key.Weight);
        Assert.Throws<ArgumentException>(() => KeyEdits.Combine());
        Assert.Throws<ArgumentException>(() => KeyEdits.Combine(KeyEdits.Enable(), null!));
    }

    [Fact]
    public void RotateSecret_accepts_exactly_the_rotatable_secret_fields_and_each_lands_where_the_guard_reads_it()
    {
        string[] expected =
        [
            "value",
            "azure_key_config.endpoint", "azure_key_config.client_id", "azure_key_config.client_secret", "azure_key_config.tenant_id",
            "vertex_key_config.project_id", "vertex_key_config.project_number", "vertex_key_config.region", "vertex_key_config.auth_credentials",
            "bedrock_key_config.access_key", "bedrock_key_config.secret_key", "bedrock_key_config.session_token", "bedrock_key_config.region",
            "bedrock_key_config.arn", "bedrock_key_config.role_arn", "bedrock_key_config.external_id", "bedrock_key_config.session_name",
            "bedrock_key_config.project_id", "bedrock_key_config.batch_role_arn",
            "bedrock_mantle_key_config.access_key", "bedrock_mantle_key_config.secret_key", "bedrock_mantle_key_config.session_token",
            "bedrock_mantle_key_config.region", "bedrock_mantle_key_config.role_arn", "bedrock_mantle_key_config.external_id",
            "bedrock_mantle_key_config.session_name", "bedrock_mantle_key_config.project_id",
            "vllm_key_config.url", "ollama_key_config.url", "sgl_key_config.url",
        ];
        Assert.Equal(expected, SecretPaths.Supported);

        // One table serves both: a rotation by path sets the very field the guard lists under that path.
        foreach (var path in expected)
        {
            var key = new ProviderKey
            {
                Name = "k",
                Config = path.Split('.')[0] switch
                {
                    "azure_key_config" => new AzureKeyConfig(),
                    "vertex_key_config" => new VertexKeyConfig(),
                    "bedrock_key_config" => new BedrockKeyConfig(),
                    "bedrock_mantle_key_config" => new BedrockMantleKeyConfig(),
                    "vllm_key_config" => new VllmKeyConfig(),
                    "ollama_key_config" => new OllamaKeyConfig(),
                    "sgl_key_config" => new SglKeyConfig(),
                    _ => null,
                },
            };
            var secret = SecretValue.Literal("rotated-" + path);

            KeyEdits.RotateSecret(path, secret)(key);

            var set = Assert.Single(key.CollectSecrets(), f => f.Value is not null);
            Assert.Equal(path, set.Path);
            Assert.Same(secret, set.Value);
        }
    }

    [Fact]
    public void Secret_fields_that_are_listed_but_not_rotatable_by_path_are_refused()
    {
        var key = new ProviderKey { Name = "k", Config = new AzureKeyConfig { ApiVersion = SecretValue.Literal("2024-10-21") } };

        Assert.Contains(key.CollectSecrets(), f => f.Path == "azure_key_config.api_version");
        Assert.Throws<ArgumentException>(() => KeyEdits.RotateSecret("azure_key_config.api_version", SecretValue.Literal("2025-01-01")));
        Assert.Throws<ArgumentException>(() => KeyEdits.RotateSecret("bedrock_key_config.endpoints.runtime", SecretValue.Literal("https://x")));
    }
}
