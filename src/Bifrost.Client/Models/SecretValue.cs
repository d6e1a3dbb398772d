using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bifrost.Client.Masks;
using Bifrost.Client.Serialization;

namespace Bifrost.Client;

/// <summary>
/// A secret-bearing value of a Bifrost key: an API key, a credential, or an identifier the server treats as secret.
/// </summary>
/// <remarks>
/// <para>
/// A value read from JSON keeps the exact JSON it arrived as and is written back unchanged, in the same shape
/// (a plain string, <c>{value, ref, type}</c> or the legacy <c>{value, env_var, from_env}</c>), so every server
/// generation recognises its own mask (CONTRACT §3.1, §6.3). Instances are immutable: to change a secret, assign a
/// new value made by <see cref="Literal(string)"/>, <see cref="FromEnvironment(string)"/> or <see cref="FromVault(string)"/>;
/// those are written as plain strings.
/// </para>
/// <para><see cref="ToString"/> and the debugger display never show a literal secret.</para>
/// </remarks>
[JsonConverter(typeof(SecretValueConverter))]
[DebuggerDisplay("{ToString(),nq}")]
public sealed class SecretValue : IEquatable<SecretValue>
{
    private const string EnvPrefix = "env.";
    private const string VaultPrefix = "vault.";

    // The JSON this value is written as: as received, or a plain string for values made in code.
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] _json;

    // The 'value' text: a mask or verbatim text when received, the literal when made in code.
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string? _text;

    private SecretValue(byte[] json, string? text, SecretKind kind, string? reference, bool isReceived)
    {
        _json = json;
        _text = text;
        Kind = kind;
        Reference = reference;
        IsReceived = isReceived;
    }

    /// <summary>An explicit empty value. Sending it clears the secret on the server.</summary>
    public static SecretValue Empty { get; } = FromPlainString(string.Empty, isReceived: false);

    /// <summary>Where the server takes the value from.</summary>
    public SecretKind Kind { get; }

    /// <summary>
    /// The reference (<c>env.NAME</c> or <c>vault.path</c>) when <see cref="Kind"/> is not <see cref="SecretKind.PlainText"/>;
    /// otherwise <see langword="null"/>. It can also be <see langword="null"/> for a reference when a server sent a
    /// <c>type</c> of <c>env</c> or <c>vault</c> without a <c>ref</c>.
    /// </summary>
    public string? Reference { get; }

    /// <summary>True when the value is a reference to an environment variable or a vault secret.</summary>
    public bool IsReference => Kind != SecretKind.PlainText;

    /// <summary>True when the value was read from JSON (a server response or a persisted key) rather than made in code.</summary>
    public bool IsReceived { get; }

    /// <summary>True when there is neither a value nor a reference.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(_text) && !IsReference;

    /// <summary>
    /// True when the value text is a placeholder the newest server recognises as a mask (CONTRACT §5.3: all stars up
    /// to 8 characters, 4+24+4 at 32 characters, <c>&lt;redacted&gt;</c> or <c>[redacted]</c> in any case) and the
    /// value is not a reference. Lengths count UTF-8 bytes, as the server does.
    /// </summary>
    public bool IsMask => !IsReference && MaskRules.IsRecognizedPlaceholder(_text);

    /// <summary>
    /// The server's redacted preview when the value text is a mask (for a reference: the mask of the resolved value);
    /// otherwise <see langword="null"/>. Safe to display.
    /// </summary>
    public string? Mask => MaskRules.IsRecognizedPlaceholder(_text) ? _text : null;

    /// <summary>Creates a new literal secret. It is sent as a plain JSON string.</summary>
    /// <param name="value">The secret text. It must not start with <c>env.</c> or <c>vault.</c>: the server would read it as a reference.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> starts with a reference prefix.</exception>
    public static SecretValue Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith(EnvPrefix, StringComparison.Ordinal) || value.StartsWith(VaultPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "A literal secret cannot start with 'env.' or 'vault.': the server always reads such a string as a reference. Use FromEnvironment or FromVault.",
                nameof(value));
        }

        return FromPlainString(value, isReceived: false);
    }

    /// <summary>Creates a reference to an environment variable that the server resolves (<c>env.NAME</c>).</summary>
    /// <param name="variableName">The variable name, with or without the <c>env.</c> prefix.</param>
    /// <exception cref="ArgumentException"><paramref name="variableName"/> is null, empty or white space.</exception>
    public static SecretValue FromEnvironment(string variableName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variableName);
        var name = variableName.StartsWith(EnvPrefix, StringComparison.Ordinal) ? variableName[EnvPrefix.Length..] : variableName;
        ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(variableName));
        return FromPlainString(EnvPrefix + name, isReceived: false);
    }

    /// <summary>Creates a reference to a vault secret that the server resolves (<c>vault.path</c>; SecretVar-era servers only).</summary>
    /// <param name="path">The vault path, with or without the <c>vault.</c> prefix.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
    public static SecretValue FromVault(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = path.StartsWith(VaultPrefix, StringComparison.Ordinal) ? path[VaultPrefix.Length..] : path;
        ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(path));
        return FromPlainString(VaultPrefix + name, isReceived: false);
    }

    /// <summary>
    /// Returns the value text: the literal for a value made in code, or the text the server sent (a mask, or a verbatim
    /// value such as a literal URL on newer servers). This is the only member that can expose a secret; do not log it.
    /// </summary>
    public string? Reveal() => _text;

    /// <summary>Describes the value without its secret text: the kind, the reference, and the server's mask if any.</summary>
    public override string ToString()
    {
        if (IsReference)
        {
            var reference = Reference ?? (Kind == SecretKind.Vault ? "(unnamed vault reference)" : "(unnamed env reference)");
            return Mask is { } m ? $"{reference} ({m})" : reference;
        }

        if (string.IsNullOrEmpty(_text))
        {
            return "(empty)";
        }

        return Mask ?? "(secret)";
    }

    /// <summary>Wire equality: two values are equal when they are written as the same JSON.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(SecretValue? other) => other is not null && (ReferenceEquals(this, other) || _json.AsSpan().SequenceEqual(other._json));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SecretValue);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_json);
        return hash.ToHashCode();
    }

    /// <summary>The exact JSON this value is written as.</summary>
    internal ReadOnlySpan<byte> Json => _json;

    /// <summary>Reads a secret in any accepted shape (CONTRACT §3.1, §3.2). Throws <see cref="JsonException"/> on anything else.</summary>
    internal static SecretValue Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return FromReceivedString(ref reader);
            case JsonTokenType.StartObject:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return FromObject(document.RootElement);
                }

            default:
                throw new JsonException();
        }
    }

    internal static SecretValue FromPlainString(string text, bool isReceived)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(text, BifrostJsonContext.Default.String);
        var (kind, reference) = Classify(text);
        return new SecretValue(json, text, kind, reference, isReceived);
    }

    /// <summary>Builds a received value from raw JSON (used by the model factory).</summary>
    internal static SecretValue FromJson(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        reader.Read();
        return Read(ref reader);
    }

    // Keeps the string token exactly as received, escapes included, so that it is written back byte for byte.
    private static SecretValue FromReceivedString(ref Utf8JsonReader reader)
    {
        var content = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        var json = new byte[content.Length + 2];
        json[0] = (byte)'"';
        content.CopyTo(json, 1);
        json[^1] = (byte)'"';
        var text = reader.GetString()!;
        var (kind, reference) = Classify(text);
        return new SecretValue(json, text, kind, reference, isReceived: true);
    }

    // Classifies an object the way the newest server does (CONTRACT §3.1): an explicit type wins, then a ref
    // (type inferred from its prefix), then the legacy from_env/env_var pair, then value == env_var == "env.X".
    private static SecretValue FromObject(JsonElement element)
    {
        string? text = null;
        string? reference = null;
        string? transitionalReference = null;
        string? type = null;
        bool fromEnv = false;
        string? envVar = null;

        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "value":
                    text = ReadOptionalString(property.Value);
                    break;
                case "ref":
                    reference = NullIfEmpty(ReadOptionalString(property.Value));
                    break;
                case "secret_ref":
                    transitionalReference = NullIfEmpty(ReadOptionalString(property.Value));
                    break;
                case "type":
                    type = NullIfEmpty(ReadOptionalString(property.Value));
                    break;
                case "env_var":
                    envVar = NullIfEmpty(ReadOptionalString(property.Value));
                    break;
                case "from_env":
                    fromEnv = property.Value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False or JsonValueKind.Null => false,
                        _ => throw new JsonException(),
                    };
                    break;
                default:
                    break; // unknown members are kept in the raw JSON
            }
        }

        reference ??= transitionalReference;
        SecretKind kind;
        if (type is not null)
        {
            kind = type switch
            {
                "env" => SecretKind.Environment,
                "vault" => SecretKind.Vault,
                _ => SecretKind.PlainText, // plain_text, or a type this SDK does not know: not a reference
            };
        }
        else if (reference is not null)
        {
            kind = Classify(reference).Kind;
        }
        else if (fromEnv && envVar is not null)
        {
            kind = SecretKind.Environment;
            reference = envVar.StartsWith(EnvPrefix, StringComparison.Ordinal) ? envVar : EnvPrefix + envVar;
        }
        else if (envVar is not null && text == envVar && envVar.StartsWith(EnvPrefix, StringComparison.Ordinal))
        {
            kind = SecretKind.Environment;
            reference = envVar;
        }
        else
        {
            kind = SecretKind.PlainText;
        }

        if (kind == SecretKind.PlainText)
        {
            reference = null;
        }

        var json = JsonMarshalCompat.GetRawUtf8(element);
        return new SecretValue(json, text, kind, reference, isReceived: true);
    }

    private static string? ReadOptionalString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new JsonException(),
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static (SecretKind Kind, string? Reference) Classify(string text)
    {
        if (text.StartsWith(EnvPrefix, StringComparison.Ordinal))
        {
            return (SecretKind.Environment, text);
        }

        if (text.StartsWith(VaultPrefix, StringComparison.Ordinal))
        {
            return (SecretKind.Vault, text);
        }

        return (SecretKind.PlainText, null);
    }
}
