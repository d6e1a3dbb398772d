using System.Text.Json.Nodes;
using Bifrost.Client.Testing;

namespace Bifrost.Client.Tests.SafeUpdates;

/// <summary>
/// What goes on the wire: no server-managed <c>config_hash</c>/<c>status</c> in request bodies (while responses and
/// persistence keep them), and no plain-string mask through the raw update or create.
/// </summary>
public sealed class WireAndRawBodyTests
{
    private const string Provider = "openai";
    private const string Id = "7e3f1a2b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";

    private static JsonObject Stored() => new()
    {
        ["id"] = Id,
        ["name"] = "prod-openai-key",
        ["value"] = "sk-realkey1234567890abcdefghij",
        ["models"] = new JsonArray("*"),
        ["weight"] = 1,
        ["config_hash"] = "5d41c0a7e3b29f86a1d4c7e0b3f69a2d8e1c4b7a0f3d6e9c2b5a8d1e4f7a0c3b",
        ["status"] = "success",
    };

    [Fact]
    public async Task Update_bodies_leave_out_config_hash_and_status_and_answers_still_carry_them()
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.C, EmulatorWireEra.SecretVar);
        h.Emulator.SeedKey(Provider, Stored());

        var read = await h.Client.GetKeyAsync(Provider, Id);
        Assert.Equal("success", read.Status);
        Assert.NotNull(read.ConfigHash);

        var answer = await h.Client.UpdateKeyAsync(Provider, Id, KeyEdits.SetWeight(0.5));
        var raw = await h.Client.UpdateKeyAsync(Provider, Id, read);

        Assert.Equal("success", answer.Status);
        Assert.Equal(read.ConfigHash, answer.ConfigHash);
        Assert.Equal("success", raw.Status);
        var puts = h.Emulator.Journal.Entries.Where(e => e.Method == "PUT").ToList();
        Assert.Equal(2, puts.Count);
        foreach (var put in puts)
        {
            var body = JsonNode.Parse(put.Body)!.AsObject();
            Assert.False(body.ContainsKey("config_hash"), "config_hash was sent");
            Assert.False(body.ContainsKey("status"), "status was sent");
            Assert.True(body.ContainsKey("value"));
            Assert.True(body.ContainsKey("name"));
        }

        // Persistence keeps both.
        var persisted = JsonNode.Parse(BifrostJson.Serialize(read))!.AsObject();
        Assert.Equal("success", persisted["status"]!.GetValue<string>());
        Assert.True(persisted.ContainsKey("config_hash"));
    }

    [Fact]
    public async Task Create_bodies_leave_out_status()
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.C, EmulatorWireEra.SecretVar);
        var key = BifrostJson.DeserializeKey("""{"name":"new-key","value":"sk-brand-new-0123456789","models":["*"],"weight":1,"status":"success","config_hash":"abc"}""");

        var created = await h.Client.CreateKeyAsync(Provider, key);

        var body = JsonNode.Parse(h.Emulator.Journal.Entries.Single(e => e.Method == "POST").Body)!.AsObject();
        Assert.False(body.ContainsKey("status"));
        Assert.False(body.ContainsKey("config_hash"));
        Assert.Equal("unknown", created.Status); // the emulator's CreatedKeyStatus: the server's own value
    }

    public static TheoryData<string> MaskLikeLiterals() =>
    [
        "sk-r************************ghij", "********", "<redacted>", "[REDACTED]", "sk-r****ghij", "sk-\u20269xQA", "sk-...9xQA",
        "\u2022\u2022\u2022\u2022ghij",
    ];

    [Theory]
    [MemberData(nameof(MaskLikeLiterals))]
    public async Task The_raw_update_refuses_a_plain_string_mask_before_any_request(string mask)
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.A, EmulatorWireEra.EnvVar);
        h.Emulator.SeedKey(Provider, Stored());
        var key = await h.Client.GetKeyAsync(Provider, Id);
        h.Emulator.Journal.Clear();
        key.Value = SecretValue.Literal(mask);

        var ex = await Assert.ThrowsAsync<UnsafeUpdateException>(() => h.Client.UpdateKeyAsync(Provider, Id, key));

        Assert.Equal("value", ex.FieldPath);
        Assert.Equal(UnsafeUpdateReason.MaskAsNewValue, ex.Reason);
        Assert.DoesNotContain(mask, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Emulator.Journal.Count);
        Assert.Equal("sk-realkey1234567890abcdefghij", h.Emulator.GetStoredKey(Provider, Id)!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_raw_update_refuses_a_mask_read_back_from_persisted_json_anywhere_in_the_key()
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.A, EmulatorWireEra.EnvVar);
        h.Emulator.SeedKey("azure", """
            {"id":"a1","name":"azure-1","value":"azure-api-key-0123456789","models":["*"],"weight":1,
             "azure_key_config":{"endpoint":"https://contoso.openai.azure.com","client_secret":"client-secret-0123456789"}}
            """);

        // A key persisted as plain strings, e.g. by a tool that flattened the server's objects.
        var persisted = BifrostJson.DeserializeKey("""
            {"id":"a1","name":"azure-1","value":{"value":"azur************************6789","env_var":"","from_env":false},"models":["*"],"weight":1,
             "azure_key_config":{"endpoint":"https://contoso.openai.azure.com","client_secret":"clie************************6789"}}
            """);

        var ex = await Assert.ThrowsAsync<UnsafeUpdateException>(() => h.Client.UpdateKeyAsync("azure", "a1", persisted));

        Assert.Equal("azure_key_config.client_secret", ex.FieldPath);
        Assert.Equal(0, h.Emulator.Journal.Count);
    }

    [Fact]
    public async Task The_raw_update_still_sends_received_masks_in_their_object_shape_and_references()
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.A, EmulatorWireEra.EnvVar, [new("OPENAI_KEY_2", "sk-from-env-0123456789")]);
        h.Emulator.SeedKey(Provider, Stored());
        var key = await h.Client.GetKeyAsync(Provider, Id);
        Assert.True(key.Value!.IsMask);

        key.Weight = 0.5;
        await h.Client.UpdateKeyAsync(Provider, Id, key);
        Assert.Equal("sk-realkey1234567890abcdefghij", h.Emulator.GetStoredKey(Provider, Id)!["value"]!.GetValue<string>());

        key.Value = SecretValue.FromEnvironment("OPENAI_KEY_2");
        await h.Client.UpdateKeyAsync(Provider, Id, key);
        Assert.Equal("env.OPENAI_KEY_2", h.Emulator.GetStoredKey(Provider, Id)!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_refuses_a_plain_string_mask_in_a_block_before_any_request()
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.C, EmulatorWireEra.SecretVar);
        var key = new ProviderKey
        {
            Name = "azure-new",
            Value = SecretValue.Literal("azure-api-key-0123456789"),
            Models = ["*"],
            Weight = 1,
            Config = new AzureKeyConfig
            {
                Endpoint = SecretValue.Literal("https://contoso.openai.azure.com"),
                ClientSecret = SecretValue.Literal("<redacted>"),
            },
        };

        var ex = await Assert.ThrowsAsync<UnsafeUpdateException>(() => h.Client.CreateKeyAsync("azure", key));

        Assert.Equal("azure_key_config.client_secret", ex.FieldPath);
        Assert.Equal(0, h.Emulator.Journal.Count);
        Assert.Empty(h.Emulator.GetStoredKeys("azure"));
    }
}
