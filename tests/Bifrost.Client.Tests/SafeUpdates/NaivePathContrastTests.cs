using System.Net;
using System.Text.Json.Nodes;
using Bifrost.Client.Testing;
using Bifrost.Client.Tests.Emulator;

namespace Bifrost.Client.Tests.SafeUpdates;

/// <summary>
/// Proof that the invariants can fail: the naive ways of updating a key (a hand-built body, a mask pasted as a plain
/// string) destroy stored data on a generation A server, and the same checks that pass for the helper catch it.
/// </summary>
public sealed class NaivePathContrastTests
{
    private const string Provider = "azure";
    private const string Id = "8a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";

    private static JsonObject Stored() => new()
    {
        ["id"] = Id,
        ["name"] = "azure-eastus-prod",
        ["value"] = "3f9a7c2e5b8d41f09a6e3c7b2d5fc21e",
        ["models"] = new JsonArray("gpt-4o"),
        ["weight"] = 1,
        ["azure_key_config"] = new JsonObject
        {
            ["endpoint"] = "https://contoso-eastus.openai.azure.com",
            ["client_secret"] = "azure-client-secret-current",
        },
        ["databricks_key_config"] = new JsonObject
        {
            ["workspace_url"] = "https://dbc-1234abcd.cloud.databricks.com",
            ["client_secret"] = "databricks-client-secret-current",
        },
    };

    [Fact]
    public async Task A_hand_built_body_with_a_pasted_mask_destroys_the_secret_and_the_unmodelled_block_on_generation_A()
    {
        await using var emulator = new BifrostEmulator(o => { o.Generation = ServerGeneration.A; o.WireEra = EmulatorWireEra.EnvVar; });
        emulator.SeedKey(Provider, Stored());
        var before = emulator.GetStoredKey(Provider, Id)!;
        using var http = emulator.CreateClient();

        // What a naive script does: a DTO with the fields it knows, the value copied from a UI that shows a mask.
        var naive = new JsonObject
        {
            ["name"] = "azure-eastus-prod",
            ["value"] = "3f9a************************c21f", // a recognised mask, but not the current one
            ["models"] = new JsonArray("gpt-4o"),
            ["weight"] = 0.5,
            ["azure_key_config"] = new JsonObject { ["endpoint"] = "https://contoso-eastus.openai.azure.com" },
        };
        var answer = await http.PutJsonAsync($"api/providers/{Provider}/keys/{Id}", naive);
        Assert.Equal(HttpStatusCode.OK, answer.Status);

        var after = emulator.GetStoredKey(Provider, Id);
        var violations = SafeUpdateHarness.Violations(before, after, ["weight"]);
        Assert.Contains("value changed", violations);
        Assert.Contains("value holds a mask", violations);
        Assert.Contains("azure_key_config.client_secret was lost", violations);
        Assert.Contains(violations, v => v.StartsWith("databricks_key_config.", StringComparison.Ordinal) && v.EndsWith("was lost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_helper_makes_the_same_weight_change_on_generation_A_without_losing_anything()
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.A, EmulatorWireEra.EnvVar);
        h.Emulator.SeedKey(Provider, Stored());
        var before = h.Emulator.GetStoredKey(Provider, Id)!;

        var answer = await h.Client.SetWeightAsync(Provider, Id, 0.5);

        Assert.Equal(0.5, answer.Weight);
        Assert.Empty(SafeUpdateHarness.Violations(before, h.Emulator.GetStoredKey(Provider, Id), ["weight"]));
    }

    [Fact]
    public async Task The_SDK_refuses_to_send_the_pasted_mask_even_through_the_raw_update()
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.A, EmulatorWireEra.EnvVar);
        h.Emulator.SeedKey(Provider, Stored());
        var before = h.Emulator.GetStoredKey(Provider, Id)!;
        var key = await h.Client.GetKeyAsync(Provider, Id);
        key.Value = SecretValue.Literal("3f9a************************c21f");

        var ex = await Assert.ThrowsAsync<UnsafeUpdateException>(() => h.Client.UpdateKeyAsync(Provider, Id, key));

        Assert.Equal("value", ex.FieldPath);
        Assert.Equal(UnsafeUpdateReason.MaskAsNewValue, ex.Reason);
        Assert.Equal(0, h.Puts);
        Assert.True(JsonNode.DeepEquals(before, h.Emulator.GetStoredKey(Provider, Id)));
    }

    [Fact]
    public async Task A_stale_echo_without_verification_stores_the_old_mask_on_generation_A()
    {
        // Another writer rotates the value between the helper's read and its write. With VerifyUnchanged off, the helper
        // echoes the stale mask; generation A stores it as the credential. This is why verification is on by default.
        SafeUpdateHarness? harness = null;
        harness = SafeUpdateHarness.Create(ServerGeneration.A, EmulatorWireEra.EnvVar, wrap: inner => new HookHandler(inner, (request, n) =>
        {
            if (n == 2 && request.Method == HttpMethod.Put)
            {
                var rotated = Stored();
                rotated["value"] = "rotated-by-someone-else-0123456789";
                harness!.Emulator.SeedKey(Provider, rotated);
            }
        }));
        await using var h = harness;
        h.Emulator.SeedKey(Provider, Stored());

        await h.Client.SetWeightAsync(Provider, Id, 0.5, new UpdateKeyOptions { VerifyUnchanged = false });

        var value = h.Emulator.GetStoredKey(Provider, Id)!["value"]!.GetValue<string>();
        Assert.Equal("3f9a************************c21e", value);
    }
}
