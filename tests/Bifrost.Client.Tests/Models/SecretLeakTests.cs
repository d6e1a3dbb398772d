using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Models;

/// <summary>
/// A canary secret placed in every secret-bearing field (CONTRACT §3.3) never shows in ToString() or the
/// [DebuggerDisplay] of any public model object reachable from a key.
/// </summary>
public class SecretLeakTests
{
    private static readonly string Canary = "CANARY-" + Guid.NewGuid().ToString("N");

    // CONTRACT §3.3, modelled blocks and alias objects.
    private static readonly Dictionary<string, string[]> SecretFields = new()
    {
        [""] = ["value"],
        ["azure_key_config"] = ["endpoint", "client_id", "client_secret", "tenant_id", "api_version"],
        ["vertex_key_config"] = ["project_id", "project_number", "region", "auth_credentials"],
        ["bedrock_key_config"] =
        [
            "access_key", "secret_key", "session_token", "region", "arn", "role_arn", "external_id", "session_name",
            "project_id", "batch_role_arn", "endpoints.runtime", "endpoints.control_plane", "endpoints.mantle",
            "endpoints.agent_runtime", "endpoints.s3",
        ],
        ["bedrock_mantle_key_config"] = ["access_key", "secret_key", "session_token", "region", "role_arn", "external_id", "session_name", "project_id"],
        ["vllm_key_config"] = ["url"],
        ["ollama_key_config"] = ["url"],
        ["sgl_key_config"] = ["url"],
        ["aliases.object"] = ["region", "project_id", "endpoint", "project_number", "inference_profile_arn"],
    };

    private static int _counter;

    // Every secret shape, carrying the canary as the value text.
    private static JsonNode CanarySecret()
    {
        var text = $"{Canary}-{Interlocked.Increment(ref _counter)}";
        return (_counter % 4) switch
        {
            0 => JsonValue.Create(text),
            1 => new JsonObject { ["value"] = text, ["type"] = "plain_text" },
            2 => new JsonObject { ["value"] = text, ["env_var"] = "", ["from_env"] = false },
            _ => new JsonObject { ["value"] = text, ["ref"] = "env.SOME_VAR", ["type"] = "env" },
        };
    }

    private static string CanaryKeyJson()
    {
        var key = new JsonObject
        {
            ["id"] = "9e1c", ["name"] = "canary-key", ["models"] = new JsonArray("*"),
            ["replicate_key_config"] = new JsonObject { ["use_deployments_endpoint"] = true },
            ["aliases"] = new JsonObject { ["plain"] = "deployment", ["object"] = new JsonObject { ["model_id"] = "m" } },
            ["databricks_key_config"] = new JsonObject { ["client_secret"] = CanarySecret() },
        };
        foreach (var (block, fields) in SecretFields)
        {
            foreach (var field in fields)
            {
                var target = key;
                var path = (block.Length == 0 ? field : block + "." + field).Split('.');
                foreach (var segment in path[..^1])
                {
                    target = (JsonObject)(target[segment] ??= new JsonObject());
                }

                target[path[^1]] = CanarySecret();
            }
        }

        key["bedrock_key_config"]!["batch_s3_config"] = new JsonObject
        {
            ["buckets"] = new JsonArray(new JsonObject { ["bucket_name"] = "b", ["is_default"] = true }),
        };
        return key.ToJsonString();
    }

    [Fact]
    public void Every_contract_secret_field_is_modelled_as_a_secret()
    {
        var key = BifrostJson.DeserializeKey(CanaryKeyJson());
        var collected = key.CollectSecrets().Where(s => s.Value is not null).ToDictionary(s => s.Path, s => s.Value!);
        foreach (var (block, fields) in SecretFields)
        {
            foreach (var field in fields)
            {
                var path = block.Length == 0 ? field : block + "." + field;
                Assert.True(collected.TryGetValue(path, out var value), path);
                Assert.StartsWith(Canary, value.Reveal(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void No_public_model_object_prints_the_canary()
    {
        var key = BifrostJson.DeserializeKey(CanaryKeyJson());
        var roots = new object[]
        {
            key,
            BifrostModelFactory.ProviderKeyList([key]),
            BifrostModelFactory.KeySummary(keyId: "k", name: "n", provider: "azure", value: SecretValue.Literal(Canary)),
            BifrostModelFactory.BifrostError(statusCode: 404, message: "Provider key not found: k"),
            SecretValue.Literal(Canary),
        };

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var types = new HashSet<Type>();
        foreach (var root in roots)
        {
            Walk(root, visited, types);
        }

        // Every public model type (anything with JSON members, and every config block) was checked.
        var modelTypes = typeof(ProviderKey).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && (t.IsSubclassOf(typeof(ProviderKeyConfig)) || HasJsonMembers(t)))
            .ToList();
        Assert.NotEmpty(modelTypes);
        Assert.All(modelTypes, t => Assert.Contains(t, types));
        Assert.Contains(typeof(SecretValue), types);
        Assert.Contains(typeof(ModelAlias), types);
    }

    [Fact]
    public void The_debugger_display_evaluator_reads_the_attribute()
    {
        // Guards the leak test above: the evaluator must really render the attribute's expression.
        var key = new ProviderKey { Id = "id-1", Name = "name-1" };
        Assert.Equal(key.ToString(), DebuggerDisplay.Evaluate(key));
        Assert.Equal("(secret)", DebuggerDisplay.Evaluate(SecretValue.Literal(Canary)));
    }

    private static bool HasJsonMembers(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Any(p => p.IsDefined(typeof(JsonPropertyNameAttribute)));

    private static void Walk(object? node, HashSet<object> visited, HashSet<Type> types)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !visited.Add(node))
        {
            return;
        }

        var type = node.GetType();
        if (type.Assembly == typeof(ProviderKey).Assembly)
        {
            types.Add(type);
            Assert.DoesNotContain(Canary, node.ToString() ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(Canary, DebuggerDisplay.Evaluate(node) ?? string.Empty, StringComparison.Ordinal);
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                if (property.GetIndexParameters().Length == 0)
                {
                    Walk(property.GetValue(node), visited, types);
                }
            }

            if (node is ProviderKey key)
            {
                // Config shows one block; a key read from JSON can carry several.
                Walk(key.ConfigBlocks.ToList(), visited, types);
            }
        }
        else if (node is IDictionary dictionary)
        {
            foreach (var value in dictionary.Values)
            {
                Walk(value, visited, types);
            }
        }
        else if (node is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                Walk(item, visited, types);
            }
        }
    }
}
