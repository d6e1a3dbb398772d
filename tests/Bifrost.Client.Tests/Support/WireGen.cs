using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Bifrost.Client.Tests.Support;

/// <summary>A secret as it appears on the wire, with the classification the contract (§3.1) gives it.</summary>
public sealed record WireSecret(string Json, string? ValueText, bool IsReference, string? Reference)
{
    public override string ToString() => Json;
}

/// <summary>CsCheck generators for wire JSON: secret shapes, masks, unknown members, whole keys.</summary>
public static class WireGen
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Strict = new() { Encoder = JavaScriptEncoder.Default };

    // Atoms: ASCII, accents, CJK, a surrogate pair, JSON escapes, control characters, stars and dots.
    private static readonly Gen<string> Atom = Gen.OneOf(
        "a", "Z", "0", "9", "-", "_", ".", "/", ":", " ", "sk", "env", "vault", "*", "**", "\u00e9", "\u4e2d", "\ud83d\ude00",
        "\"", "\\", "\n", "\t", "\u0001", "<", ">", "&", "'", "+", "\u2026", "\u00df");

    public static readonly Gen<string> Text = Atom.Array[0, 12].Select(string.Concat);

    private static readonly Gen<string> Ascii = Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."].Array[1, 10].Select(c => new string(c));

    // Anything near the mask rules: short star runs, 4+24+4 with any ends, sentinels in random case, near misses.
    public static readonly Gen<string> MaskLike = Gen.OneOf(
        Gen.Int[0, 10].Select(n => new string('*', n)),
        Gen.Select(Atom.Array[1, 3], Atom.Array[1, 3], (a, b) => string.Concat(a) + new string('*', 24) + string.Concat(b)),
        Gen.Select(Ascii, Ascii, (a, b) => Pad(a, 4) + new string('*', 24) + Pad(b, 4)),
        Gen.Select(Ascii, Ascii, Gen.Int[20, 26], (a, b, n) => Pad(a, 4) + new string('*', n) + Pad(b, 4)),
        Gen.OneOf("<redacted>", "[redacted]").SelectMany(s => Gen.Bool.Array[s.Length].Select(up => new string(s.Select((c, i) => up[i] ? char.ToUpperInvariant(c) : c).ToArray()))),
        Gen.OneOf("<REDACTED >", "redacted", "sk-r****ghij", "sk-\u20269xQA"));

    public static readonly Gen<string> ReferenceText = Gen.OneOf(
        Ascii.Select(a => "env." + a),
        Ascii.Select(a => "vault." + a + "/" + a),
        Gen.OneOf("env.", "vault."));

    public static readonly Gen<string> ValueText = Gen.Frequency((3, Text), (3, MaskLike), (2, ReferenceText));

    public static readonly Gen<string> MemberName = Gen.Select(Gen.OneOf("x_", "future_", "\u00e9_"), Ascii, (p, a) => p + a);

    /// <summary>Any JSON value, a few levels deep, for unknown members.</summary>
    public static readonly Gen<JsonNode?> AnyJson = Gen.Recursive<JsonNode?>((depth, inner) => depth >= 3
        ? Leaf()
        : Gen.Frequency(
            (4, Leaf()),
            (1, inner.Array[0, 3].Select(items => (JsonNode?)new JsonArray(items))),
            (1, Gen.Select(MemberName.Array[0, 3], inner.Array[3], (names, values) => (JsonNode?)ToObject(names, values)))));

    /// <summary>0 to 3 unknown members.</summary>
    public static readonly Gen<(string Name, JsonNode? Value)[]> Unknown =
        Gen.Select(MemberName, AnyJson).Array[0, 3];

    /// <summary>Every input shape of CONTRACT §3.1 and the transitional output shape, written with either escaping.</summary>
    public static readonly Gen<WireSecret> Secret = Gen.OneOf(PlainString(), SecretVarObject(), EnvVarObject(), TransitionalObject());

    private static Gen<WireSecret> PlainString() =>
        Gen.Select(ValueText, Gen.Bool, (text, relaxed) =>
        {
            var isReference = text.StartsWith("env.", StringComparison.Ordinal) || text.StartsWith("vault.", StringComparison.Ordinal);
            return new WireSecret(Write(JsonValue.Create(text), relaxed), text, isReference, isReference ? text : null);
        });

    private static Gen<WireSecret> SecretVarObject() =>
        Gen.Select(Gen.Null(ValueText, 0.2), Gen.Null(ReferenceText, 0.4), Gen.Null(Gen.OneOf("plain_text", "env", "vault", "", "aws"), 0.3), Unknown, Gen.Bool,
            (value, reference, type, unknown, relaxed) =>
            {
                var node = new JsonObject();
                Add(node, "value", value);
                Add(node, "ref", reference);
                Add(node, "type", type);
                AddUnknown(node, unknown);
                var (isRef, r) = ClassifyObject(type, reference);
                return new WireSecret(Write(node, relaxed), value, isRef, r);
            });

    private static Gen<WireSecret> TransitionalObject() =>
        Gen.Select(ValueText, ReferenceText, Gen.Null(Gen.OneOf("env", "vault", "plain_text"), 0.5), Gen.Bool,
            (value, reference, type, relaxed) =>
            {
                var node = new JsonObject { ["value"] = value, ["secret_ref"] = reference };
                Add(node, "type", type);
                var (isRef, r) = ClassifyObject(type, reference);
                return new WireSecret(Write(node, relaxed), value, isRef, r);
            });

    private static Gen<WireSecret> EnvVarObject() =>
        Gen.Select(Gen.Null(ValueText, 0.2), Gen.Null(Gen.OneOf(ReferenceText, Ascii, Gen.Const("")), 0.2), Gen.Nullable(Gen.Bool, 0.2), Gen.Bool, Unknown,
            (value, envVar, fromEnv, sameAsValue, unknown) =>
            {
                if (sameAsValue && envVar is not null)
                {
                    value = envVar;
                }

                var node = new JsonObject();
                Add(node, "value", value);
                Add(node, "env_var", envVar);
                if (fromEnv is { } b)
                {
                    node["from_env"] = b;
                }

                AddUnknown(node, unknown);

                // §3.1 shape 3: from_env with an env_var is a reference ("env." added when missing);
                // value == env_var == "env.X" also counts as one.
                string? reference = null;
                if (fromEnv == true && !string.IsNullOrEmpty(envVar))
                {
                    reference = envVar.StartsWith("env.", StringComparison.Ordinal) ? envVar : "env." + envVar;
                }
                else if (envVar is not null && envVar.StartsWith("env.", StringComparison.Ordinal) && value == envVar)
                {
                    reference = envVar;
                }

                return new WireSecret(Write(node, relaxed: false), value, reference is not null, reference);
            });

    // §3.1 shape 2: an explicit type decides; a missing type is inferred from the ref prefix.
    private static (bool IsReference, string? Reference) ClassifyObject(string? type, string? reference)
    {
        if (!string.IsNullOrEmpty(type))
        {
            var isRef = type is "env" or "vault";
            return (isRef, isRef && !string.IsNullOrEmpty(reference) ? reference : null);
        }

        if (!string.IsNullOrEmpty(reference))
        {
            var isRef = reference.StartsWith("env.", StringComparison.Ordinal) || reference.StartsWith("vault.", StringComparison.Ordinal);
            return (isRef, isRef ? reference : null);
        }

        return (false, null);
    }

    private static Gen<JsonNode?> Leaf() => Gen.OneOf(
        Gen.Bool.Select(_ => (JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Double[-1e6, 1e6].Select(d => (JsonNode?)JsonValue.Create(d)),
        Text.Select(s => (JsonNode?)JsonValue.Create(s)));

    private static JsonObject ToObject(string[] names, JsonNode?[] values)
    {
        var node = new JsonObject();
        for (var i = 0; i < names.Length; i++)
        {
            node[names[i]] = values[i];
        }

        return node;
    }

    public static void AddUnknown(JsonObject node, (string Name, JsonNode? Value)[] members)
    {
        foreach (var (name, value) in members)
        {
            node[name] = value?.DeepClone();
        }
    }

    private static void Add(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }

    private static string Write(JsonNode? node, bool relaxed) => node?.ToJsonString(relaxed ? Relaxed : Strict) ?? "null";

    private static string Pad(string s, int n) => s.Length >= n ? s[..n] : s.PadRight(n, 'q');
}
