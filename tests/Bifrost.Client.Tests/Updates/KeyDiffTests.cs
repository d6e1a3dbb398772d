using System.Text.Json;

namespace Bifrost.Client.Tests.Updates;

public class KeyDiffTests
{
    private static IReadOnlyList<KeyChange> Diff(ProviderKey key, Action<ProviderKey> edit)
    {
        var before = key.Clone();
        edit(key);
        return KeyDiff.Compute(before, key);
    }

    private static void AssertNoCanary(IEnumerable<KeyChange> changes)
    {
        foreach (var change in changes)
        {
            Assert.DoesNotContain(UpdateTestKeys.Canary, change.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(UpdateTestKeys.Canary, change.Before ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(UpdateTestKeys.Canary, change.After ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_edit_means_no_changes()
    {
        var key = UpdateTestKeys.AzureWithCanaries();
        Assert.Empty(KeyDiff.Compute(key, key.Clone()));
    }

    [Fact]
    public void Reports_models_entries_weight_and_flags()
    {
        var changes = Diff(UpdateTestKeys.Fixture("get-azure-secretvar-era.json"), k =>
        {
            k.Models.Remove("gpt-4o-mini");
            k.Models.Add("o3");
            k.BlacklistedModels.Add("gpt-4o-mini");
            k.Weight = 0.5;
            k.Enabled = false;
        });

        Assert.Equal(
            [
                "models: Removed gpt-4o-mini",
                "models: Added o3",
                "blacklisted_models: Added gpt-4o-mini",
                "weight: Changed 1 -> 0.5",
                "enabled: Changed true -> false",
            ],
            changes.Select(c => c.ToString()));
    }

    [Fact]
    public void Reports_alias_changes_across_string_and_object_forms()
    {
        var changes = Diff(UpdateTestKeys.Fixture("get-azure-secretvar-era.json"), k =>
        {
            k.Aliases["gpt-4o"] = new ModelAlias("prod-gpt4o") { ApiVersion = "2025-01-01" }; // string → object, same model id
            k.Aliases.Remove("gpt-4o-mini");
            k.Aliases["o3"] = "prod-o3";
        });

        Assert.Contains(changes, c => c is { Path: "aliases.gpt-4o.api_version", Kind: KeyChangeKind.Added, After: "2025-01-01" });
        Assert.DoesNotContain(changes, c => c.Path == "aliases.gpt-4o.model_id");
        Assert.Contains(changes, c => c is { Path: "aliases.gpt-4o-mini.model_id", Kind: KeyChangeKind.Removed, Before: "prod-4o-mini" });
        Assert.Contains(changes, c => c is { Path: "aliases.o3.model_id", Kind: KeyChangeKind.Added, After: "prod-o3" });
    }

    [Fact]
    public void Shows_secrets_only_masked_and_new_literals_as_new_secret()
    {
        var changes = Diff(UpdateTestKeys.AzureWithCanaries(), k =>
        {
            k.Value = SecretValue.Literal(UpdateTestKeys.Canary + "-rotated");
            var azure = (AzureKeyConfig)k.Config!;
            azure.Endpoint = SecretValue.Literal("https://" + UpdateTestKeys.Canary + "-new.openai.azure.com");
            azure.ClientSecret = SecretValue.FromEnvironment("AZURE_CLIENT_SECRET");
            azure.TenantId = SecretValue.Empty;
        });

        Assert.Contains(changes, c => c is { Path: "value", Kind: KeyChangeKind.Changed, Before: "abcd************************wxyz", After: "(new secret)" });
        Assert.Contains(changes, c => c is { Path: "azure_key_config.endpoint", Before: "(secret)", After: "(new secret)" });
        Assert.Contains(changes, c => c is { Path: "azure_key_config.client_secret", After: "env.AZURE_CLIENT_SECRET" });
        Assert.Contains(changes, c => c is { Path: "azure_key_config.tenant_id", Before: "t3na************************nt00", After: "(empty)" });
        Assert.Equal(4, changes.Count);
        AssertNoCanary(changes);
    }

    [Fact]
    public void Removed_blocks_and_unmodelled_members_show_no_secret()
    {
        var changes = Diff(UpdateTestKeys.AzureWithCanaries(), k =>
        {
            k.RemoveConfig();
            k.RemoveMember("databricks_key_config");
            k.Aliases.Remove("gpt-4o");
        });

        Assert.Contains(changes, c => c is { Path: "azure_key_config.endpoint", Kind: KeyChangeKind.Removed, Before: "(secret)" });
        Assert.Contains(changes, c => c is { Path: "azure_key_config.future_field", Kind: KeyChangeKind.Removed, Before: "(hidden)" });
        Assert.Contains(changes, c => c is { Path: "databricks_key_config.workspace_url.value", Before: "(hidden)" });
        Assert.Contains(changes, c => c is { Path: "databricks_key_config.client_secret.value", Before: "dbx0************************0xbd" });
        Assert.Contains(changes, c => c is { Path: "aliases.gpt-4o.endpoint", Kind: KeyChangeKind.Removed, Before: "(secret)" });
        AssertNoCanary(changes);
    }

    [Fact]
    public void Unmodelled_member_changes_show_numbers_and_flags()
    {
        var changes = Diff(UpdateTestKeys.AzureWithCanaries(), k => k.AdditionalProperties["future_flag"] = JsonDocument.Parse("false").RootElement);
        var change = Assert.Single(changes);
        Assert.Equal("future_flag: Changed true -> false", change.ToString());
    }

    [Fact]
    public void Preview_ToString_lists_changes_without_secrets()
    {
        var before = UpdateTestKeys.AzureWithCanaries();
        var after = before.Clone();
        after.Value = SecretValue.Literal(UpdateTestKeys.Canary);
        after.Weight = 0.1;
        var preview = new KeyUpdatePreview("azure", before.Id!, KeyDiff.Compute(before, after), after);

        Assert.True(preview.HasChanges);
        Assert.Same(after, preview.Body);
        var text = preview.ToString();
        Assert.StartsWith("Update of key 11111111-2222-4333-8444-555555555555 (azure): 2 changes", text, StringComparison.Ordinal);
        Assert.Contains("value: Changed abcd************************wxyz -> (new secret)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(UpdateTestKeys.Canary, text, StringComparison.Ordinal);
        Assert.DoesNotContain(UpdateTestKeys.Canary, preview.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_without_changes_says_so()
    {
        var key = UpdateTestKeys.Fixture("get-openai-env-ref.json");
        var preview = new KeyUpdatePreview("openai", key.Id!, KeyDiff.Compute(key, key.Clone()), key);
        Assert.False(preview.HasChanges);
        Assert.EndsWith("no changes", preview.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validates_arguments()
    {
        var key = UpdateTestKeys.Fixture("get-openai-env-ref.json");
        Assert.Throws<ArgumentNullException>(() => KeyDiff.Compute(null!, key));
        Assert.Throws<ArgumentNullException>(() => KeyDiff.Compute(key, null!));
    }
}
