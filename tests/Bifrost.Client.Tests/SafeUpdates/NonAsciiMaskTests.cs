using System.Text;
using System.Text.Json.Nodes;
using Bifrost.Client.Testing;
using Bifrost.Client.Testing.Emulator;

namespace Bifrost.Client.Tests.SafeUpdates;

/// <summary>
/// The server counts and cuts in UTF-8 bytes (Go <c>len()</c> and slicing): the emulator's masks of non-ASCII secrets,
/// their recognition, and what the helper does with them.
/// </summary>
public sealed class NonAsciiMaskTests
{
    private const string Provider = "openai";
    private const string Id = "k-utf8";

    [Theory]
    [InlineData("pässwort-geheim-1234", "päs************************1234")] // ä is 2 bytes: the first 4 bytes are p, ä, s
    [InlineData("äöü", "******")]                                           // 3 characters, 6 bytes
    [InlineData("ключ", "********")]                                        // 4 characters, 8 bytes
    [InlineData("aaaé-secret-value-1234", "aaa\uFFFD************************1234")] // the cut splits é: Go's JSON writes U+FFFD
    [InlineData("secret-value-€xy", "secr************************\uFFFD\uFFFDxy")] // the cut splits € at the end
    public void Masks_keep_the_first_and_last_4_bytes(string raw, string mask)
    {
        Assert.Equal(mask, ServerMask.Redact(raw));
    }

    [Fact]
    public void A_lossless_mask_is_32_bytes_and_recognised_in_both_eras()
    {
        var mask = ServerMask.Redact("pässwort-geheim-1234");
        Assert.Equal(31, mask.Length);
        Assert.Equal(32, Encoding.UTF8.GetByteCount(mask));
        Assert.True(ServerMask.IsPlaceholder(mask, EmulatorWireEra.SecretVar));
        Assert.True(ServerMask.IsPlaceholder(mask, EmulatorWireEra.EnvVar));

        // 32 characters but 33 bytes: not a mask.
        Assert.False(ServerMask.IsPlaceholder("päss************************1234", EmulatorWireEra.SecretVar));

        // A damaged mask is 34 bytes once sent back: not a mask either.
        Assert.False(ServerMask.IsPlaceholder(ServerMask.Redact("aaaé-secret-value-1234"), EmulatorWireEra.SecretVar));
    }

    [Theory]
    [MemberData(nameof(SafeUpdateHarness.MatrixRows), MemberType = typeof(SafeUpdateHarness))]
    public async Task The_helper_keeps_a_non_ASCII_secret_in_every_generation(ServerGeneration generation, EmulatorWireEra era)
    {
        await using var h = SafeUpdateHarness.Create(generation, era);
        h.Emulator.SeedKey(Provider, new JsonObject { ["id"] = Id, ["name"] = "utf8", ["value"] = "pässwort-geheim-1234", ["models"] = new JsonArray("*"), ["weight"] = 1 });

        var key = await h.Client.GetKeyAsync(Provider, Id);
        Assert.Equal("päs************************1234", key.Value!.Mask);
        await h.Client.SetWeightAsync(Provider, Id, 0.5);

        Assert.Equal("pässwort-geheim-1234", h.Emulator.GetStoredKey(Provider, Id)!["value"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(SafeUpdateHarness.MatrixRows), MemberType = typeof(SafeUpdateHarness))]
    public async Task A_damaged_mask_is_refused_untouched_and_can_be_rotated(ServerGeneration generation, EmulatorWireEra era)
    {
        await using var h = SafeUpdateHarness.Create(generation, era);
        h.Emulator.SeedKey(Provider, new JsonObject { ["id"] = Id, ["name"] = "utf8", ["value"] = "aaaé-secret-value-1234", ["models"] = new JsonArray("*"), ["weight"] = 1 });
        using var http = h.Emulator.CreateClient();

        // The naive echo of the damaged mask overwrites the secret in every generation.
        var naive = (await http.GetFromJsonNodeAsync($"api/providers/{Provider}/keys/{Id}"))!.AsObject();
        naive["weight"] = 0.5;
        using (var put = await http.PutAsync($"api/providers/{Provider}/keys/{Id}", new StringContent(naive.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.True(put.IsSuccessStatusCode);
        }

        Assert.NotEqual("aaaé-secret-value-1234", h.Emulator.GetStoredKey(Provider, Id)!["value"]!.GetValue<string>());

        // The helper refuses the same echo before sending anything.
        h.Emulator.SeedKey(Provider, new JsonObject { ["id"] = Id, ["name"] = "utf8", ["value"] = "aaaé-secret-value-1234", ["models"] = new JsonArray("*"), ["weight"] = 1 });
        h.Emulator.Journal.Clear();
        var ex = await Assert.ThrowsAsync<UnsafeUpdateException>(() => h.Client.SetWeightAsync(Provider, Id, 0.5));
        Assert.Equal(UnsafeUpdateReason.DamagedMask, ex.Reason);
        Assert.Equal("value", ex.FieldPath);
        Assert.Equal(0, h.Puts);

        // The raw update refuses it too.
        var read = await h.Client.GetKeyAsync(Provider, Id);
        await Assert.ThrowsAsync<UnsafeUpdateException>(() => h.Client.UpdateKeyAsync(Provider, Id, read));
        Assert.Equal(0, h.Puts);
        Assert.Equal("aaaé-secret-value-1234", h.Emulator.GetStoredKey(Provider, Id)!["value"]!.GetValue<string>());

        // Setting the secret anew in the same edit is the way out.
        await h.Client.UpdateKeyAsync(Provider, Id, KeyEdits.Combine(KeyEdits.RotateSecret(SecretValue.Literal("bbbé-new-secret-5678")), KeyEdits.SetWeight(0.5)));
        Assert.Equal("bbbé-new-secret-5678", h.Emulator.GetStoredKey(Provider, Id)!["value"]!.GetValue<string>());
    }
}

internal static class HttpJson
{
    public static async Task<JsonNode?> GetFromJsonNodeAsync(this HttpClient http, string path) => JsonNode.Parse(await http.GetStringAsync(path));
}
