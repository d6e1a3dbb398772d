using System.Text.Json.Nodes;
using Bifrost.Client.Testing;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.SafeUpdates;

/// <summary>
/// The heart of issue #4: every stored key of merge-cases.json (plus the same keys carrying unmodelled blocks and an
/// alias with a secret), in every server generation and wire era, edited through the safe-update helper. After each
/// edit the raw store must still hold every secret the caller did not change, no mask, every unmodelled block, and the
/// new raw value where a secret was rotated.
/// </summary>
public sealed class MergeCaseSeedTests
{
    private const string NewLiteral = "sk-rotated-raw-0123456789abcdef";

    /// <summary>A seed: provider, the raw stored key, the server's environment.</summary>
    internal sealed record Seed(string Name, string Provider, JsonObject Stored, IReadOnlyDictionary<string, string> Environment);

    /// <summary>An edit and the raw paths it may change; <c>Rotated</c> is the path that must then hold <see cref="NewLiteral"/>.</summary>
    internal sealed record Edit(string Name, Action<ProviderKey> Apply, string[] Changed, string? Rotated = null);

    internal static List<Seed> Seeds()
    {
        var seeds = new List<Seed>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in (JsonArray)Fixtures.Node("merge-cases.json"))
        {
            var c = node!.AsObject();
            var provider = c["provider"]!.GetValue<string>();
            var stored = c["stored"]!.AsObject();
            var environment = (c["server_env"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
            if (!seen.Add(provider + stored.ToJsonString() + string.Join(",", environment)))
            {
                continue;
            }

            var name = c["name"]!.GetValue<string>();
            seeds.Add(new Seed(name, provider, (JsonObject)stored.DeepClone(), environment));

            // The same key with blocks and members the SDK does not model, and an alias with a secret.
            var extended = (JsonObject)stored.DeepClone();
            extended["id"] = stored["id"]!.GetValue<string>().Replace('-', 'e');
            extended["name"] = stored["name"]!.GetValue<string>() + "-extended";
            extended["databricks_key_config"] = new JsonObject
            {
                ["workspace_url"] = "https://dbc-1234abcd.cloud.databricks.com",
                ["client_id"] = "databricks-client-id-current",
                ["client_secret"] = "databricks-client-secret-current",
                ["api_format"] = "auto",
            };
            extended["github_copilot_key_config"] = new JsonObject
            {
                ["app_id"] = "123456",
                ["private_key"] = "copilot-private-key-current-value",
            };
            extended["aliases"] = new JsonObject
            {
                ["gpt-4o"] = new JsonObject { ["model_id"] = "prod-gpt4o", ["region"] = "eu-west-1" },
                ["o3"] = "prod-o3",
            };
            seeds.Add(new Seed(name + " (extended)", provider, extended, environment));
        }

        return seeds;
    }

    /// <summary>The edits that apply to a stored key: always weight, model, alias, disable and rotating <c>value</c>; plus rotating one secret of its modelled block.</summary>
    internal static List<Edit> EditsFor(JsonObject stored)
    {
        var edits = new List<Edit>
        {
            new("set weight", KeyEdits.SetWeight(0.25), ["weight"]),
            new("add a model", k => k.Models = k.Models.Contains("*") ? ["gpt-4o", "o3-mini"] : [.. k.Models, "o3-mini"], ["models"]),
            new("set an alias", KeyEdits.SetAlias("claude-3", "prod-claude"), ["aliases.claude-3"]),
            new("disable", KeyEdits.Disable(), ["enabled"]),
            new("rotate value", KeyEdits.RotateSecret(SecretValue.Literal(NewLiteral)), ["value"], "value"),
        };

        string[] blockSecrets =
        [
            "azure_key_config.client_secret", "azure_key_config.endpoint", "vertex_key_config.auth_credentials", "vertex_key_config.project_id",
            "bedrock_key_config.secret_key", "bedrock_key_config.session_token", "bedrock_mantle_key_config.secret_key", "vllm_key_config.url",
            "ollama_key_config.url", "sgl_key_config.url",
        ];
        foreach (var path in blockSecrets)
        {
            var block = path[..path.IndexOf('.', StringComparison.Ordinal)];
            if (stored[block] is JsonObject)
            {
                var value = path.EndsWith(".url", StringComparison.Ordinal) || path.EndsWith(".endpoint", StringComparison.Ordinal)
                    ? "https://rotated.example.com/" + NewLiteral
                    : NewLiteral;
                edits.Add(new($"rotate {path}", KeyEdits.RotateSecret(path, SecretValue.Literal(value)), [path], path));
                break;
            }
        }

        return edits;
    }

    [Fact]
    public void Seeds_cover_every_stored_key_of_the_fixture_and_every_provider_there()
    {
        var seeds = Seeds();
        var providers = seeds.Select(s => s.Provider).ToHashSet();
        Assert.Superset(new HashSet<string> { "openai", "azure", "vertex", "replicate", "bedrock", "bedrock_mantle", "vllm", "ollama", "sgl" }, providers);
        Assert.True(seeds.Count >= 20, $"{seeds.Count} seeds");
    }

    [Theory]
    [MemberData(nameof(SafeUpdateHarness.MatrixRows), MemberType = typeof(SafeUpdateHarness))]
    public async Task Helper_updates_keep_every_untouched_secret_and_store_no_mask(ServerGeneration generation, EmulatorWireEra era)
    {
        var failures = new List<string>();
        var updated = 0;
        var refusedSeeds = new HashSet<string>(StringComparer.Ordinal);
        var serverRejected = 0;
        foreach (var seed in Seeds())
        {
            foreach (var edit in EditsFor(seed.Stored))
            {
                await using var h = SafeUpdateHarness.Create(generation, era, seed.Environment);
                var id = seed.Stored["id"]!.GetValue<string>();
                h.Emulator.SeedKey(seed.Provider, seed.Stored);
                var before = h.Emulator.GetStoredKey(seed.Provider, id)!;
                var label = $"{seed.Name} / {edit.Name}";

                try
                {
                    await h.Client.UpdateKeyAsync(seed.Provider, id, edit.Apply);
                }
                catch (UnsafeUpdateException refused) when (refused.Reason == UnsafeUpdateReason.RequiredFieldMissing)
                {
                    // The stored key itself lacks what the server requires (e.g. a vLLM key with no URL): the helper
                    // refuses before sending, so the server cannot reject or half-apply it.
                    refusedSeeds.Add(seed.Name);
                    if (h.Puts != 0 || !JsonNode.DeepEquals(before, h.Emulator.GetStoredKey(seed.Provider, id)))
                    {
                        failures.Add($"{label}: refused but something was written");
                    }

                    continue;
                }
                catch (BifrostValidationException rejected) when (generation != ServerGeneration.C
                    && seed.Provider is "ollama" or "sgl" or "bedrock_mantle"
                    && rejected.Message.Contains("Key value must not be empty", StringComparison.Ordinal))
                {
                    // Older servers require a value for these providers (CONTRACT §7.2, older list); the guard follows the
                    // newest list. The server rejects the whole update: nothing is destroyed.
                    serverRejected++;
                    if (!JsonNode.DeepEquals(before, h.Emulator.GetStoredKey(seed.Provider, id)))
                    {
                        failures.Add($"{label}: rejected but the store changed");
                    }

                    continue;
                }
                catch (Exception ex) when (ex is BifrostException)
                {
                    failures.Add($"{label}: {ex.GetType().Name} {ex.Message}");
                    continue;
                }

                updated++;
                var after = h.Emulator.GetStoredKey(seed.Provider, id);
                failures.AddRange(SafeUpdateHarness.Violations(before, after, edit.Changed).Select(v => $"{label}: {v}"));
                if (edit.Rotated is { } rotated)
                {
                    var raw = SafeUpdateHarness.Leaves(after).GetValueOrDefault(rotated)?.GetValue<string>();
                    if (raw is null || !raw.EndsWith(NewLiteral, StringComparison.Ordinal))
                    {
                        failures.Add($"{label}: {rotated} does not hold the new raw value");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(updated > 150, $"only {updated} updates went through ({serverRejected} rejected by the server)");

        // Only the fixture's vLLM keys without a URL (no block, or an empty URL) are refused up front.
        Assert.All(refusedSeeds, name => Assert.StartsWith("vllm url: mask", name, StringComparison.Ordinal));
    }
}
