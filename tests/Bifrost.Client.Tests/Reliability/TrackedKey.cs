using System.Text.Json.Nodes;

namespace Bifrost.Client.Tests.Reliability;

/// <summary>What the soak knows about a stored key: where it is, its raw secrets, and the weights it may hold.</summary>
public sealed class TrackedKey
{
    public TrackedKey(string provider, string id, string name, bool seeded, double weight, Dictionary<string, string> secrets)
    {
        Provider = provider;
        Id = id;
        Name = name;
        Seeded = seeded;
        Weights = [weight];
        Secrets = secrets;
    }

    public string Provider { get; }

    public string Id { get; }

    public string Name { get; }

    public bool Seeded { get; }

    /// <summary>
    /// The weights the server may hold: exactly one after an acknowledged update or a read; more after updates that
    /// failed once their PUT may have landed.
    /// </summary>
    public HashSet<double> Weights { get; }

    /// <summary>Raw stored secrets by wire path (<c>value</c>, <c>azure_key_config.client_secret</c>, …).</summary>
    public Dictionary<string, string> Secrets { get; }

    public static TrackedKey FromRaw(string provider, JsonObject raw, bool seeded)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal) { ["value"] = raw["value"]!.GetValue<string>() };
        foreach (var (name, node) in raw)
        {
            if (name.EndsWith("_key_config", StringComparison.Ordinal) && node is JsonObject block)
            {
                foreach (var (field, value) in block)
                {
                    if (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
                    {
                        secrets[name + "." + field] = v.GetValue<string>();
                    }
                }
            }
        }

        return new TrackedKey(provider, raw["id"]!.GetValue<string>(), raw["name"]!.GetValue<string>(), seeded, Number(raw["weight"]), secrets);
    }

    /// <summary>The string at a dotted path of a raw key, or null.</summary>
    public static string? At(JsonObject raw, string path)
    {
        JsonNode? node = raw;
        foreach (string part in path.Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;
    }

    /// <summary>A JSON number as a double, whatever CLR type the node holds.</summary>
    public static double Number(JsonNode? node) =>
        double.Parse(node!.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"{Provider}/{Name}";
}
