using System.Text.Json.Nodes;
using Bifrost.Client.Testing;

namespace Bifrost.Client.Tests.SafeUpdates;

/// <summary><see cref="BifrostKeysClientExtensions"/> against the emulator, in the oldest and the newest generation.</summary>
public sealed class ExtensionMethodTests
{
    private const string Id = "1d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a";

    private static JsonObject Azure() => new()
    {
        ["id"] = Id,
        ["name"] = "azure-entra",
        ["value"] = "azure-api-key-0123456789abcdef",
        ["models"] = new JsonArray("gpt-4o"),
        ["blacklisted_models"] = new JsonArray("o3-mini"),
        ["weight"] = 1,
        ["enabled"] = true,
        ["azure_key_config"] = new JsonObject
        {
            ["endpoint"] = "https://current.azure.example.com",
            ["client_id"] = "azure-client-id-current",
            ["client_secret"] = "azure-client-secret-current",
            ["tenant_id"] = "azure-tenant-id-current",
        },
        ["databricks_key_config"] = new JsonObject { ["client_secret"] = "databricks-client-secret-current", ["api_format"] = "auto" },
    };

    public static TheoryData<ServerGeneration, EmulatorWireEra> Servers() => new()
    {
        { ServerGeneration.A, EmulatorWireEra.EnvVar },
        { ServerGeneration.C, EmulatorWireEra.SecretVar },
    };

    private static async Task<(JsonObject Before, JsonObject After, ProviderKey Answer)> RunAsync(
        ServerGeneration generation, EmulatorWireEra era, Func<IBifrostKeysClient, Task<ProviderKey>> call)
    {
        await using var h = SafeUpdateHarness.Create(generation, era);
        h.Emulator.SeedKey("azure", Azure());
        var before = h.Emulator.GetStoredKey("azure", Id)!;
        var answer = await call(h.Client);
        Assert.Equal(["GET", "GET", "PUT"], h.Emulator.Journal.Entries.Select(e => e.Method));
        return (before, h.Emulator.GetStoredKey("azure", Id)!, answer);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task RotateSecretAsync_replaces_only_the_value(ServerGeneration generation, EmulatorWireEra era)
    {
        var (before, after, _) = await RunAsync(generation, era, c => c.RotateSecretAsync("azure", Id, SecretValue.Literal("azure-api-key-rotated-000001")));
        Assert.Equal("azure-api-key-rotated-000001", after["value"]!.GetValue<string>());
        Assert.Empty(SafeUpdateHarness.Violations(before, after, ["value"]));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task RotateSecretAsync_with_a_path_replaces_only_that_secret(ServerGeneration generation, EmulatorWireEra era)
    {
        var (before, after, _) = await RunAsync(generation, era,
            c => c.RotateSecretAsync("azure", Id, "azure_key_config.client_secret", SecretValue.FromEnvironment("AZURE_CLIENT_SECRET")));
        Assert.Equal("env.AZURE_CLIENT_SECRET", after["azure_key_config"]!["client_secret"]!.GetValue<string>());
        Assert.Empty(SafeUpdateHarness.Violations(before, after, ["azure_key_config.client_secret"]));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task SetWeightAsync_sets_the_weight(ServerGeneration generation, EmulatorWireEra era)
    {
        var (before, after, answer) = await RunAsync(generation, era, c => c.SetWeightAsync("azure", Id, 0.3));
        Assert.Equal(0.3, answer.Weight);
        Assert.Equal(0.3, SafeUpdateHarness.Number(after["weight"]));
        Assert.Empty(SafeUpdateHarness.Violations(before, after, ["weight"]));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task AllowModelsAsync_adds_models_and_unblocks_them(ServerGeneration generation, EmulatorWireEra era)
    {
        var (before, after, answer) = await RunAsync(generation, era, c => c.AllowModelsAsync("azure", Id, ["o3-mini", "gpt-4.1"]));
        Assert.Equal(["gpt-4o", "o3-mini", "gpt-4.1"], answer.Models);
        Assert.Empty(answer.BlacklistedModels);
        Assert.Empty(SafeUpdateHarness.Violations(before, after, ["models", "blacklisted_models"]));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task BlockModelsAsync_adds_to_the_blacklist(ServerGeneration generation, EmulatorWireEra era)
    {
        var (before, after, answer) = await RunAsync(generation, era, c => c.BlockModelsAsync("azure", Id, new List<string> { "gpt-3.5-turbo" }));
        Assert.Equal(["o3-mini", "gpt-3.5-turbo"], answer.BlacklistedModels);
        Assert.Equal(["gpt-4o"], answer.Models);
        Assert.Empty(SafeUpdateHarness.Violations(before, after, ["blacklisted_models"]));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task DisableKeyAsync_and_EnableKeyAsync_flip_enabled(ServerGeneration generation, EmulatorWireEra era)
    {
        var (before, after, answer) = await RunAsync(generation, era, c => c.DisableKeyAsync("azure", Id));
        Assert.False(answer.Enabled);
        Assert.False(after["enabled"]!.GetValue<bool>());
        Assert.Empty(SafeUpdateHarness.Violations(before, after, ["enabled"]));

        await using var h = SafeUpdateHarness.Create(generation, era);
        var disabled = Azure();
        disabled["enabled"] = false;
        h.Emulator.SeedKey("azure", disabled);
        var enabled = await h.Client.EnableKeyAsync("azure", Id);
        Assert.True(enabled.Enabled);
        Assert.True(h.Emulator.GetStoredKey("azure", Id)!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Options_are_passed_through()
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.C, EmulatorWireEra.SecretVar);
        h.Emulator.SeedKey("azure", Azure());

        await h.Client.DisableKeyAsync("azure", Id, new UpdateKeyOptions { VerifyUnchanged = false });

        Assert.Equal(["GET", "PUT"], h.Emulator.Journal.Entries.Select(e => e.Method));
    }

    [Fact]
    public async Task Arguments_are_checked_before_any_request()
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.C, EmulatorWireEra.SecretVar);
        h.Emulator.SeedKey("azure", Azure());
        IBifrostKeysClient client = h.Client;

        await Assert.ThrowsAsync<ArgumentNullException>(() => ((IBifrostKeysClient)null!).SetWeightAsync("azure", Id, 1));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.RotateSecretAsync("azure", Id, (SecretValue)null!));
        await Assert.ThrowsAsync<ArgumentException>(() => client.RotateSecretAsync("azure", Id, "azure_key_config.scopes", SecretValue.Literal("x-0123456789")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.SetWeightAsync("azure", Id, double.NaN));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.SetWeightAsync("azure", Id, -0.1));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.AllowModelsAsync("azure", Id, null!));
        await Assert.ThrowsAsync<ArgumentException>(() => client.AllowModelsAsync("azure", Id, []));
        await Assert.ThrowsAsync<ArgumentException>(() => client.BlockModelsAsync("azure", Id, ["*"]));
        await Assert.ThrowsAsync<ArgumentException>(() => client.EnableKeyAsync("", Id));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DisableKeyAsync("azure", " "));

        Assert.Equal(0, h.Emulator.Journal.Count);
    }

    [Fact]
    public async Task A_mask_as_the_new_secret_is_refused_and_nothing_is_written()
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.A, EmulatorWireEra.EnvVar);
        h.Emulator.SeedKey("azure", Azure());
        var before = h.Emulator.GetStoredKey("azure", Id)!;

        var ex = await Assert.ThrowsAsync<UnsafeUpdateException>(() =>
            h.Client.RotateSecretAsync("azure", Id, "azure_key_config.client_secret", SecretValue.Literal("azur************************rent")));

        Assert.Equal("azure_key_config.client_secret", ex.FieldPath);
        Assert.Equal(0, h.Puts);
        Assert.True(JsonNode.DeepEquals(before, h.Emulator.GetStoredKey("azure", Id)));
    }
}
