using System.Text.Json;
using System.Text.Json.Nodes;
using Bifrost.Client.Masks;
using CsCheck;

namespace Bifrost.Client.Tests.Updates;

/// <summary>
/// Random edits of every fixture key (plus keys with unmodelled blocks): the guard either refuses, or every untouched
/// secret is sent byte-identical to what was received, nothing stored is dropped without an explicit intent, and no
/// mask-looking new value passes.
/// </summary>
public class UpdateGuardPropertyTests
{
    private const string RealLiteral = "real-secret-7f3a9c2b11";

    private static readonly string[] MaskLike =
    [
        "sk-p************************9xQA", "********", "*", "<redacted>", "[Redacted]", "sk-r****ghij", "sk-\u20269xQA",
        "sk-...9xQA", "\u2022\u2022\u2022\u2022", "REDACTED",
    ];

    private static readonly string[] Literals = [RealLiteral, "https://real.example:8000", "us-east-1", "a", "project-42"];

    private static readonly double?[] Weights = [0, 0.5, 1, 2.5, -1, double.NaN, double.PositiveInfinity, null];

    private static readonly List<(string Provider, string Json)> Seeds = BuildSeeds();

    private static List<(string Provider, string Json)> BuildSeeds()
    {
        var seeds = UpdateTestKeys.FixtureProviders.Select(p => (p.Value, BifrostJson.Serialize(UpdateTestKeys.Fixture(p.Key)))).ToList();
        seeds.Add(("azure", BifrostJson.Serialize(UpdateTestKeys.AzureWithCanaries())));
        seeds.Add(("bedrock_mantle", """
            {"id":"m-1","name":"mantle","value":{"value":"","type":"plain_text"},"models":["*"],"blacklisted_models":[],"weight":1,
             "bedrock_mantle_key_config":{"access_key":{"value":"AKIA************************MPLE","type":"plain_text"},
               "secret_key":{"value":"wJal************************EKEY","type":"plain_text"},
               "region":{"value":"us-west-2","type":"plain_text"}},
             "github_copilot_key_config":{"app_id":{"value":"1234","type":"plain_text"},"private_key":{"value":"----************************----","type":"plain_text"}},
             "enabled":true}
            """));
        seeds.Add(("my-openai", """
            {"id":"c-1","name":"custom","value":"sk-c************************abcd","models":["gpt-4o"],"weight":0.5,
             "oauth_key_config":{"grant_type":"client_credentials","client_secret":"abcd************************wxyz"}}
            """));
        return seeds;
    }

    // Sample runs on several threads; the counters are updated with Interlocked.
    private sealed class Outcome
    {
        public int Passed;
        public int Refused;
    }

    [Fact]
    public void Guard_refuses_or_untouched_secrets_go_back_byte_identical_and_no_mask_passes()
    {
        var outcome = new Outcome();
        var op = Gen.Select(Gen.Int[0, 10], Gen.Int[0, 1000], Gen.Int[0, 1000]);
        Gen.Select(Gen.Int[0, Seeds.Count - 1], op.Array[1, 6], Gen.Bool)
            .Sample((seed, ops, withHint) => CheckOne(seed, ops, withHint, outcome), iter: 3000);

        // The generator must exercise both sides of the property.
        Assert.True(outcome.Passed > 100, $"passed {outcome.Passed}");
        Assert.True(outcome.Refused > 100, $"refused {outcome.Refused}");
    }

    private static void CheckOne(int seedIndex, (int Kind, int A, int B)[] ops, bool withHint, Outcome outcome)
    {
        var (provider, json) = Seeds[seedIndex];
        var original = BifrostJson.DeserializeKey(json);
        var edited = BifrostJson.DeserializeKey(json);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var receivedPool = original.CollectSecrets().Where(f => f.Value is not null).Select(f => f.Value!).ToList();

        foreach (var (kind, a, b) in ops)
        {
            Apply(edited, kind, a, b, touched, receivedPool);
        }

        var options = withHint && provider == "my-openai" ? new UpdateKeyOptions { BaseProvider = "openai" } : UpdateKeyOptions.Default;
        try
        {
            UpdateGuard.Check(provider, original, edited, options);
        }
        catch (UnsafeUpdateException ex)
        {
            Interlocked.Increment(ref outcome.Refused);
            Assert.False(string.IsNullOrEmpty(ex.FieldPath));
            Assert.DoesNotContain(RealLiteral, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(UpdateTestKeys.Canary, ex.Message, StringComparison.Ordinal);
            return;
        }

        Interlocked.Increment(ref outcome.Passed);
        AssertSafe(original, edited, touched);
    }

    private static void AssertSafe(ProviderKey original, ProviderKey edited, HashSet<string> touched)
    {
        // What would go on the wire, read back.
        var sent = BifrostJson.DeserializeKey(BifrostJson.Serialize(edited));
        var before = original.CollectSecrets().ToDictionary(f => f.Path, f => f.Value, StringComparer.Ordinal);
        var after = sent.CollectSecrets().ToDictionary(f => f.Path, f => f.Value, StringComparer.Ordinal);

        foreach (var (path, was) in before)
        {
            if (was is null || touched.Contains(path) || RemovedOnPurpose(path, original, edited))
            {
                continue;
            }

            Assert.True(after.TryGetValue(path, out var now) && now is not null, $"{path} was dropped");
            Assert.True(was.Json.SequenceEqual(now!.Json), $"{path} is not byte-identical");
        }

        foreach (var (path, now) in after)
        {
            if (now is not null && !(before.TryGetValue(path, out var was) && was is not null && was.Json.SequenceEqual(now.Json)))
            {
                Assert.False(MaskRules.LooksLikeRedaction(now.Reveal()), $"mask-looking new value passed at {path}");
            }

            if (before.TryGetValue(path, out var stored) && stored is { IsEmpty: false } && now is null)
            {
                Assert.True(RemovedOnPurpose(path, original, edited), $"{path} dropped without intent");
            }
        }

        foreach (var (name, value) in original.AdditionalProperties)
        {
            Assert.True(sent.AdditionalProperties.ContainsKey(name) || edited.IsRemovalIntended(name), $"{name} dropped without intent");
            if (sent.AdditionalProperties.TryGetValue(name, out var now) && !touched.Contains(name))
            {
                Assert.Equal(value.GetRawText(), now.GetRawText());
            }
        }

        foreach (var block in original.ConfigBlockNames)
        {
            Assert.True(sent.ConfigBlockNames.Contains(block) || edited.IsRemovalIntended(block), $"{block} dropped without intent");
        }

        Assert.True(sent.Models.Count > 0 || original.Models.Count == 0 || edited.IsDenyAllModelsIntended, "models emptied without intent");
        Assert.False(string.IsNullOrWhiteSpace(sent.Name));
        if (sent.Weight is { } w)
        {
            Assert.True(double.IsFinite(w) && w >= 0);
        }
    }

    private static bool RemovedOnPurpose(string path, ProviderKey original, ProviderKey edited)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && edited.IsRemovalIntended(path[..dot]))
        {
            return true;
        }

        return original.Aliases.Keys.Any(n => path.StartsWith("aliases." + n + ".", StringComparison.Ordinal) && !edited.Aliases.ContainsKey(n));
    }

    private static void Apply(ProviderKey key, int kind, int a, int b, HashSet<string> touched, List<SecretValue> receivedPool)
    {
        switch (kind)
        {
            case 0: // replace a modelled secret
            case 1:
            {
                var paths = key.CollectSecrets().Select(f => f.Path).Where(p => SecretPaths.Supported.Contains(p)).ToList();
                var path = paths[a % paths.Count];
                var value = PickValue(b, receivedPool);
                if (key.CollectSecrets().Any(f => f.Path == path))
                {
                    SecretPaths.Set(key, path, value!);
                    touched.Add(path);
                }

                break;
            }

            case 2: // remove the modelled block, with or without intent
                if (key.Config is { } block)
                {
                    MarkBlockTouched(key, block.WireName, touched);
                    if (a % 2 == 0)
                    {
                        key.RemoveConfig();
                    }
                    else
                    {
                        key.Config = null;
                    }
                }

                break;
            case 3: // drop or change an unmodelled member
                if (key.AdditionalProperties.Count > 0)
                {
                    var name = key.AdditionalProperties.Keys.ElementAt(a % key.AdditionalProperties.Count);
                    touched.Add(name);
                    switch (b % 3)
                    {
                        case 0: key.RemoveMember(name); break;
                        case 1: key.AdditionalProperties.Remove(name); break;
                        default:
                            var text = b % 2 == 0 ? MaskLike[b % MaskLike.Length] : Literals[b % Literals.Length];
                            key.AdditionalProperties[name] = JsonDocument.Parse(new JsonObject { ["client_secret"] = text }.ToJsonString()).RootElement.Clone();
                            break;
                    }
                }

                break;
            case 4:
                key.Weight = Weights[a % Weights.Length];
                break;
            case 5: // model list edits
                switch (a % 6)
                {
                    case 0: key.Models.Clear(); break;
                    case 1: key.DenyAllModels(); break;
                    case 2: key.Models.Add("model-" + (b % 3)); break;
                    case 3: key.Models.Add("*"); break;
                    case 4: key.Models = ["*"]; break;
                    default: key.BlacklistedModels.Add(b % 2 == 0 ? "o1" : "O1"); break;
                }

                break;
            case 6:
                key.Enabled = (a % 3) switch { 0 => true, 1 => false, _ => null };
                break;
            case 7: // rename or remove an alias; give one a secret
                if (key.Aliases.Count > 0)
                {
                    var name = key.Aliases.Keys.ElementAt(a % key.Aliases.Count);
                    var alias = key.Aliases[name];
                    foreach (var field in new[] { "region", "project_id", "endpoint", "project_number", "inference_profile_arn" })
                    {
                        touched.Add("aliases." + name + "." + field);
                    }

                    switch (b % 3)
                    {
                        case 0:
                            key.Aliases.Remove(name);
                            key.Aliases[name + "-renamed"] = alias;
                            break;
                        case 1:
                            key.Aliases.Remove(name);
                            break;
                        default:
                            alias.Region = PickValue(b, receivedPool);
                            break;
                    }
                }

                break;
            case 8: // the key value
                key.Value = PickValue(a, receivedPool);
                touched.Add("value");
                break;
            case 9:
                key.Name = (a % 4) switch { 0 => null, 1 => "", _ => "renamed-key" };
                break;
            default: // replace the modelled block with a fresh one of the same kind
                if (key.Config is { } current)
                {
                    MarkBlockTouched(key, current.WireName, touched);
                    if (a % 2 == 0)
                    {
                        key.RemoveConfig();
                    }

                    key.Config = current switch
                    {
                        AzureKeyConfig => new AzureKeyConfig { Endpoint = SecretValue.Literal("https://new.example") },
                        VllmKeyConfig => new VllmKeyConfig { Url = SecretValue.Literal("http://vllm:8000"), ModelName = "m" },
                        OllamaKeyConfig => new OllamaKeyConfig { Url = SecretValue.Literal("http://ollama:11434") },
                        SglKeyConfig => new SglKeyConfig { Url = SecretValue.Literal("http://sgl:30000") },
                        BedrockKeyConfig => new BedrockKeyConfig { Region = SecretValue.Literal("us-east-1") },
                        BedrockMantleKeyConfig => new BedrockMantleKeyConfig { Region = SecretValue.Literal("us-east-1") },
                        VertexKeyConfig => new VertexKeyConfig(),
                        _ => new ReplicateKeyConfig(),
                    };
                }

                break;
        }
    }

    private static void MarkBlockTouched(ProviderKey key, string wireName, HashSet<string> touched)
    {
        foreach (var field in key.CollectSecrets().Where(f => f.Path.StartsWith(wireName + ".", StringComparison.Ordinal)))
        {
            touched.Add(field.Path);
        }
    }

    private static SecretValue? PickValue(int n, List<SecretValue> receivedPool) => (n % 7) switch
    {
        0 => SecretValue.Literal(MaskLike[n % MaskLike.Length]),
        1 => SecretValue.Literal(Literals[n % Literals.Length]),
        2 => SecretValue.FromEnvironment("NEW_SECRET_" + (n % 3)),
        3 => SecretValue.FromVault("team/secret-" + (n % 3)),
        4 => SecretValue.Empty,
        5 => null,
        _ => receivedPool.Count == 0 ? SecretValue.Empty : receivedPool[n % receivedPool.Count], // copied from a response
    };
}
