using System.Text.Json.Nodes;
using Bifrost.Client.Testing;
using CsCheck;

namespace Bifrost.Client.Tests.SafeUpdates;

/// <summary>
/// Random keys of every provider, seeded raw into the emulator, random edits (allowed and forbidden), every generation
/// and era. Either the helper refuses (then nothing was sent and the stored key is byte-identical), or the server
/// rejects the whole update (nothing stored), or the update lands and every untouched secret, flag and unmodelled
/// block is still the raw value it was, no mask is stored, and every rotated secret holds its new raw value.
/// </summary>
public sealed class SafeUpdatePropertyTests
{
    private const string Id = "prop-key-1";

    private static readonly string[] Providers = ["azure", "vertex", "bedrock", "bedrock_mantle", "vllm", "ollama", "sgl", "replicate", "openai"];

    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["SECRET_A"] = "env-resolved-secret-0123456789",
        ["URL_A"] = "https://env-resolved.example.com:8443",
        ["REGION_A"] = "us-west-2",
    };

    private static readonly string[] Literals = ["raw-secret-7f3a9c2b11d4e5", "short", "pässwort-geheim-1234", "env.SECRET_A", "aaaé-secret-value-1234"];

    private static readonly string[] MaskLike =
    [
        "sk-p************************9xQA", "********", "<redacted>", "[REDACTED]", "sk-r****ghij", "sk-\u20269xQA", "sk-...9xQA",
        "\u2022\u2022\u2022\u2022", "REDACTED",
    ];

    /// <summary>Secret fields of each provider's modelled block: (path, kind) where kind is url, region or secret.</summary>
    private static readonly Dictionary<string, (string Path, string Kind)[]> BlockSecrets = new(StringComparer.Ordinal)
    {
        ["azure"] = [("azure_key_config.endpoint", "url"), ("azure_key_config.client_id", "secret"), ("azure_key_config.client_secret", "secret"), ("azure_key_config.tenant_id", "secret")],
        ["vertex"] = [("vertex_key_config.project_id", "secret"), ("vertex_key_config.project_number", "secret"), ("vertex_key_config.region", "region"), ("vertex_key_config.auth_credentials", "secret")],
        ["bedrock"] = [("bedrock_key_config.access_key", "secret"), ("bedrock_key_config.secret_key", "secret"), ("bedrock_key_config.session_token", "secret"), ("bedrock_key_config.region", "region")],
        ["bedrock_mantle"] = [("bedrock_mantle_key_config.access_key", "secret"), ("bedrock_mantle_key_config.secret_key", "secret"), ("bedrock_mantle_key_config.region", "region")],
        ["vllm"] = [("vllm_key_config.url", "url")],
        ["ollama"] = [("ollama_key_config.url", "url")],
        ["sgl"] = [("sgl_key_config.url", "url")],
        ["replicate"] = [],
        ["openai"] = [],
    };

    private sealed class Outcome
    {
        public int Updated;
        public int Refused;
        public int Rejected;
    }

    [Fact]
    public async Task Refused_edits_send_nothing_and_landed_edits_keep_every_untouched_secret()
    {
        var outcome = new Outcome();
        var sample = Gen.Select(Gen.Int[0, int.MaxValue - 1], Gen.Int[0, 5], Gen.Select(Gen.Int[0, 10], Gen.Int[0, 100]).Array[1, 3]);
        await sample.SampleAsync(
            (keySeed, server, ops) => CheckOneAsync(keySeed, server, ops, outcome),
            iter: 600,
            print: t => $"key seed {t.Item1}, server {SafeUpdateHarness.Matrix[t.Item2]}, ops [{string.Join(", ", t.Item3.Select(o => o.Item1))}]");

        Assert.True(outcome.Updated > 60, $"updated {outcome.Updated}");
        Assert.True(outcome.Refused > 60, $"refused {outcome.Refused}");
    }

    private static async Task CheckOneAsync(int keySeed, int server, (int Kind, int Pick)[] ops, Outcome outcome)
    {
        var (generation, era) = SafeUpdateHarness.Matrix[server];
        var random = new Random(keySeed);
        var provider = Providers[random.Next(Providers.Length)];
        var raw = RandomKey(provider, random);

        await using var h = SafeUpdateHarness.Create(generation, era, Environment);
        h.Emulator.SeedKey(provider, raw);
        var before = h.Emulator.GetStoredKey(provider, Id)!;
        var beforeText = before.ToJsonString();

        var changed = new List<string>();
        var rotated = new Dictionary<string, string>(StringComparer.Ordinal);
        void Edit(ProviderKey key)
        {
            foreach (var (kind, pick) in ops)
            {
                Apply(provider, before, key, kind, pick, changed, rotated);
            }
        }

        try
        {
            await h.Client.UpdateKeyAsync(provider, Id, Edit);
        }
        catch (Exception ex) when (ex is UnsafeUpdateException or ArgumentException or InvalidOperationException)
        {
            Interlocked.Increment(ref outcome.Refused);
            Assert.Equal(0, h.Puts);
            Assert.Equal(beforeText, h.Emulator.GetStoredKey(provider, Id)!.ToJsonString());
            return;
        }
        catch (BifrostValidationException)
        {
            // The server rejected the whole update (e.g. an older server that needs a value for this provider).
            Interlocked.Increment(ref outcome.Rejected);
            Assert.Equal(beforeText, h.Emulator.GetStoredKey(provider, Id)!.ToJsonString());
            return;
        }

        Interlocked.Increment(ref outcome.Updated);
        var after = h.Emulator.GetStoredKey(provider, Id);
        var violations = SafeUpdateHarness.Violations(before, after, changed);
        Assert.True(violations.Count == 0, string.Join("; ", violations));
        var leaves = SafeUpdateHarness.Leaves(after);
        foreach (var (path, value) in rotated)
        {
            Assert.Equal(value, leaves.GetValueOrDefault(path)?.GetValue<string>());
        }
    }

    private static void Apply(string provider, JsonObject stored, ProviderKey key, int kind, int pick, List<string> changed, Dictionary<string, string> rotated)
    {
        var blockSecrets = BlockSecrets[provider];
        (string Path, string Kind)? blockPath = blockSecrets.Length == 0 ? null : blockSecrets[pick % blockSecrets.Length];
        switch (kind)
        {
            case 0:
                key.Weight = pick / 100.0;
                changed.Add("weight");
                break;
            case 1: // forbidden: negative, NaN or infinite
                key.Weight = (pick % 3) switch { 0 => -1, 1 => double.NaN, _ => double.PositiveInfinity };
                break;
            case 2:
                key.Models = [.. key.Models.Where(m => m != "*"), "model-" + pick];
                changed.Add("models");
                break;
            case 3: // forbidden: emptied without DenyAllModels
                key.Models.Clear();
                break;
            case 4:
                var literal = "rotated-value-" + pick.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-abcdef";
                key.Value = SecretValue.Literal(literal);
                changed.Add("value");
                rotated["value"] = literal;
                break;
            case 5: // forbidden: a mask-looking new value, in value or a block secret
                var mask = SecretValue.Literal(MaskLike[pick % MaskLike.Length]);
                if (blockPath is { } p && pick % 2 == 0)
                {
                    SecretPaths.Set(key, p.Path, mask);
                }
                else
                {
                    key.Value = mask;
                }

                break;
            case 6: // forbidden unless the stored secret is empty: a secret set to null
                if (blockPath is { } nulled)
                {
                    SecretPaths.Set(key, nulled.Path, null!);
                    rotated.Remove(nulled.Path);
                    if (RawText(stored, nulled.Path) is null or "")
                    {
                        changed.Add(nulled.Path);
                    }
                }
                else
                {
                    key.Value = null;
                    rotated.Remove("value");
                    if (RawText(stored, "value") is null or "")
                    {
                        changed.Add("value");
                    }
                }

                break;
            case 7: // forbidden: a block dropped without RemoveConfig/RemoveMember
                if (pick % 2 == 0 && key.Config is not null)
                {
                    key.Config = null;
                }
                else
                {
                    key.AdditionalProperties.Remove("databricks_key_config");
                }

                break;
            case 8:
                key.Enabled = pick % 2 == 0;
                changed.Add("enabled");
                break;
            case 9:
                key.Aliases["alias-" + pick] = "deployment-" + pick;
                changed.Add("aliases.alias-" + pick);
                break;
            default:
                if (blockPath is { } target)
                {
                    var value = target.Kind switch
                    {
                        "url" => "https://rotated-" + pick + ".example.com:9000",
                        "region" => "eu-central-" + (pick % 3 + 1),
                        _ => "rotated-block-secret-" + pick + "-xyz",
                    };
                    SecretPaths.Set(key, target.Path, SecretValue.Literal(value));
                    changed.Add(target.Path);
                    rotated[target.Path] = value;
                }

                break;
        }
    }

    private static string? RawText(JsonObject stored, string path)
    {
        JsonNode? node = stored;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node?.GetValue<string>();
    }

    private static JsonObject RandomKey(string provider, Random random)
    {
        string Pick(string kind, bool required) => kind switch
        {
            "url" => random.Next(3) == 0 ? "env.URL_A" : "https://svc-" + random.Next(100) + ".example.com:8000",
            "region" => random.Next(3) == 0 ? "env.REGION_A" : "us-east-" + (random.Next(2) + 1),
            _ => !required && random.Next(5) == 0 ? "" : Literals[random.Next(Literals.Length)],
        };

        var key = new JsonObject
        {
            ["id"] = Id,
            ["name"] = "prop-" + provider,
            ["value"] = Pick("secret", required: provider is "openai" or "replicate" || random.Next(2) == 0),
            ["models"] = random.Next(2) == 0 ? new JsonArray("*") : new JsonArray("gpt-4o", "o3"),
            ["weight"] = random.Next(2) == 0 ? 1 : 0.5,
            ["enabled"] = random.Next(4) != 0,
        };

        var secrets = BlockSecrets[provider];
        if (secrets.Length > 0)
        {
            var block = new JsonObject();
            foreach (var (path, kind) in secrets)
            {
                block[path[(path.IndexOf('.', StringComparison.Ordinal) + 1)..]] = Pick(kind, required: kind is "url" or "region");
            }

            if (provider == "vllm")
            {
                block["model_name"] = "meta-llama/Llama-3.1-8B-Instruct";
            }

            key[secrets[0].Path[..secrets[0].Path.IndexOf('.', StringComparison.Ordinal)]] = block;
        }
        else if (provider == "replicate")
        {
            key["replicate_key_config"] = new JsonObject { ["use_deployments_endpoint"] = random.Next(2) == 0 };
        }

        if (random.Next(2) == 0)
        {
            key["databricks_key_config"] = new JsonObject
            {
                ["workspace_url"] = "https://dbc-" + random.Next(1000) + ".cloud.databricks.com",
                ["client_secret"] = Literals[random.Next(Literals.Length)],
                ["api_format"] = "auto",
            };
        }

        if (random.Next(2) == 0)
        {
            key["aliases"] = new JsonObject { ["gpt-4o"] = new JsonObject { ["model_id"] = "prod-gpt4o", ["region"] = "eu-west-1" } };
        }

        return key;
    }
}
