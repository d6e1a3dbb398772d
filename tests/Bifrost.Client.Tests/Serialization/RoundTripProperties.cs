using System.Text;
using System.Text.Json.Nodes;
using Bifrost.Client.Tests.Support;
using CsCheck;

namespace Bifrost.Client.Tests.Serialization;

/// <summary>Property-based checks of the wire models over random secret shapes and random unknown members.</summary>
public class RoundTripProperties
{
    private const int Iterations = 400;

    // Secret-bearing fields of each modelled block (CONTRACT §3.3), plus the plain ones.
    private static readonly (string Block, string[] Secrets)[] Blocks =
    [
        ("azure_key_config", ["endpoint", "client_id", "client_secret", "tenant_id", "api_version"]),
        ("vertex_key_config", ["project_id", "project_number", "region", "auth_credentials"]),
        ("bedrock_key_config", ["access_key", "secret_key", "session_token", "region", "arn", "role_arn", "external_id", "session_name", "project_id", "batch_role_arn"]),
        ("bedrock_mantle_key_config", ["access_key", "secret_key", "session_token", "region", "role_arn", "external_id", "session_name", "project_id"]),
        ("vllm_key_config", ["url"]),
        ("ollama_key_config", ["url"]),
        ("sgl_key_config", ["url"]),
        ("replicate_key_config", []),
    ];

    private static readonly string[] AliasSecrets = ["region", "project_id", "endpoint", "project_number", "inference_profile_arn"];

    private static Gen<JsonObject> SecretObject(string[] fields) =>
        Gen.Select(WireGen.Secret.Array[fields.Length], Gen.Bool.Array[fields.Length], WireGen.Unknown, (secrets, present, unknown) =>
        {
            var node = new JsonObject();
            for (var i = 0; i < fields.Length; i++)
            {
                if (present[i])
                {
                    node[fields[i]] = JsonNode.Parse(secrets[i].Json);
                }
            }

            WireGen.AddUnknown(node, unknown);
            return node;
        });

    private static readonly Gen<JsonNode> Alias = Gen.OneOf(
        WireGen.Text.Select(t => (JsonNode)JsonValue.Create(t)),
        Gen.Select(WireGen.Text, SecretObject(AliasSecrets), Gen.Nullable(Gen.Bool, 0.5), (modelId, node, anthropic) =>
        {
            node["model_id"] = modelId;
            if (anthropic is { } b)
            {
                node["use_anthropic_endpoints"] = b;
            }

            return (JsonNode)node;
        }));

    private static readonly Gen<JsonObject> ConfigBlock = Gen.Int[0, Blocks.Length - 1].SelectMany(i =>
        SecretObject(Blocks[i].Secrets).Select(node =>
        {
            var block = new JsonObject { [Blocks[i].Block] = node };
            if (Blocks[i].Block == "replicate_key_config")
            {
                node["use_deployments_endpoint"] = true;
            }

            return block;
        }));

    /// <summary>A whole key: top-level secret, collections, aliases, one modelled block, unmodelled blocks, unknown members.</summary>
    private static readonly Gen<(JsonObject Key, WireSecret Value)> Key =
        Gen.Select(
            WireGen.Secret,
            WireGen.Text.Array[0, 3],
            Gen.Select(WireGen.Text, Alias).Array[0, 3],
            Gen.Null(ConfigBlock, 0.2),
            Gen.Null(SecretObject(["workspace_url", "client_id", "client_secret"]), 0.5),
            WireGen.Unknown,
            Gen.Nullable(Gen.Double[0, 1], 0.3),
            (value, models, aliases, block, databricks, unknown, weight) =>
            {
                var key = new JsonObject
                {
                    ["id"] = "8d3c6c1e-5a1f-4c55-9f2e-3b7c1a2d4e5f",
                    ["name"] = "key",
                    ["value"] = JsonNode.Parse(value.Json),
                    ["models"] = new JsonArray(models.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
                };
                if (weight is { } w)
                {
                    key["weight"] = w;
                }

                var aliasObject = new JsonObject();
                foreach (var (name, alias) in aliases)
                {
                    aliasObject[name] = alias.DeepClone();
                }

                if (aliasObject.Count > 0)
                {
                    key["aliases"] = aliasObject;
                }

                foreach (var (name, node) in block?.ToList() ?? [])
                {
                    key[name] = node!.DeepClone();
                }

                if (databricks is not null)
                {
                    databricks["api_format"] = "auto";
                    key["databricks_key_config"] = databricks;
                }

                WireGen.AddUnknown(key, unknown);
                return (key, value);
            });

    [Fact]
    public void Any_key_round_trips_semantically()
    {
        Key.Sample(sample =>
        {
            var input = sample.Key.ToJsonString();
            JsonAssert.Equivalent(input, BifrostJson.Serialize(BifrostJson.DeserializeKey(input)));
        }, iter: Iterations);
    }

    [Fact]
    public void Any_key_survives_an_edit_of_its_plain_fields()
    {
        Key.Sample(sample =>
        {
            var key = BifrostJson.DeserializeKey(sample.Key.ToJsonString());
            key.Weight = 0.5;
            key.Models.Add("added-model");
            var expected = sample.Key.DeepClone();
            expected["weight"] = 0.5;
            expected["models"]!.AsArray().Add((JsonNode)"added-model");
            JsonAssert.Equivalent(expected.ToJsonString(), BifrostJson.Serialize(key));
        }, iter: Iterations);
    }

    [Fact]
    public void An_untouched_secret_is_written_back_byte_for_byte()
    {
        WireGen.Secret.Sample(secret =>
        {
            var value = BifrostJson.Deserialize<SecretValue>(secret.Json)!;
            Assert.Equal(Encoding.UTF8.GetBytes(secret.Json), Encoding.UTF8.GetBytes(BifrostJson.Serialize(value)));

            var key = BifrostJson.DeserializeKey("{\"value\":" + secret.Json + ",\"azure_key_config\":{\"endpoint\":" + secret.Json + "}}");
            // Read without models/blacklisted_models, so written without them: the whole body is echoed exactly.
            Assert.Equal("{\"value\":" + secret.Json + ",\"azure_key_config\":{\"endpoint\":" + secret.Json + "}}", BifrostJson.Serialize(key));
        }, iter: Iterations);
    }

    [Fact]
    public void A_new_literal_is_written_as_a_plain_string()
    {
        WireGen.Text.Where(t => !t.StartsWith("env.", StringComparison.Ordinal) && !t.StartsWith("vault.", StringComparison.Ordinal)).Sample(text =>
        {
            var json = BifrostJson.Serialize(SecretValue.Literal(text));
            var node = JsonNode.Parse(json)!;
            Assert.Equal(System.Text.Json.JsonValueKind.String, node.GetValueKind());
            Assert.Equal(text, node.GetValue<string>());

            var key = BifrostJson.DeserializeKey(Fixtures.Read("get-azure-entra-envvar-era.json"));
            ((AzureKeyConfig)key.Config!).ClientSecret = SecretValue.Literal(text);
            var written = JsonNode.Parse(BifrostJson.Serialize(key))!["azure_key_config"]!["client_secret"]!;
            Assert.Equal(text, written.GetValue<string>());
        }, iter: Iterations);
    }

    [Fact]
    public void Kind_reference_and_IsMask_match_the_contract()
    {
        WireGen.Secret.Sample(secret =>
        {
            var value = BifrostJson.Deserialize<SecretValue>(secret.Json)!;
            Assert.Equal(secret.IsReference, value.IsReference);
            Assert.Equal(secret.Reference, value.Reference);
            Assert.Equal(MaskOracle.IsPlaceholder(secret.ValueText, secret.IsReference), value.IsMask);
            Assert.Equal(secret.ValueText, value.Reveal());
        }, iter: Iterations * 2);
    }

    [Fact]
    public void IsMask_matches_the_oracle_on_mask_like_text()
    {
        Gen.OneOf(WireGen.MaskLike, WireGen.Text).Sample(text =>
        {
            var isReference = text.StartsWith("env.", StringComparison.Ordinal) || text.StartsWith("vault.", StringComparison.Ordinal);
            var value = BifrostJson.Deserialize<SecretValue>(JsonValue.Create(text).ToJsonString())!;
            Assert.Equal(MaskOracle.IsPlaceholder(text, isReference), value.IsMask);
        }, iter: Iterations * 2);
    }

    [Fact]
    public void ToString_of_a_secret_never_shows_text_that_is_not_a_mask()
    {
        // Text that happens to be part of ToString's fixed labels ("(unnamed vault reference)", "(secret)", ...) is not a leak.
        string[] labels = ["(unnamed vault reference)", "(unnamed env reference)", "(empty)", "(secret)"];
        WireGen.Secret.Where(s => !string.IsNullOrEmpty(s.ValueText) && s.ValueText.Length > 3 && !labels.Any(l => l.Contains(s.ValueText, StringComparison.Ordinal))).Sample(secret =>
        {
            var value = BifrostJson.Deserialize<SecretValue>(secret.Json)!;
            if (!MaskOracle.IsPlaceholder(secret.ValueText, isReference: false) && secret.Reference?.Contains(secret.ValueText!, StringComparison.Ordinal) != true)
            {
                Assert.DoesNotContain(secret.ValueText!, value.ToString(), StringComparison.Ordinal);
            }
        }, iter: Iterations);
    }
}
