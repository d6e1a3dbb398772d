namespace Bifrost.Client.Testing.Emulator;

/// <summary>One field of a key block as the emulated server knows it (CONTRACT §3.3, §4).</summary>
internal sealed class FieldSchema
{
    public FieldSchema(string name, FieldKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public FieldKind Kind { get; }

    /// <summary>For <see cref="FieldKind.Secret"/>: when literals are masked.</summary>
    public SecretRedaction Redaction { get; init; } = SecretRedaction.Masked;

    /// <summary>Gen C answers 400 when this field carries a placeholder with no stored value (CONTRACT §6.2).</summary>
    public bool PlaceholderNeedsStoredValue { get; init; }

    /// <summary>Covered by the guard on endpoint changes (CONTRACT §8.4).</summary>
    public bool IsDialTarget { get; init; }

    /// <summary>Emitted in responses even when absent from the stored key (Vertex ×4, Bedrock access/secret key).</summary>
    public bool AlwaysEmitted { get; init; }

    /// <summary>Only EnvVar-era servers know this field; SecretVar-era servers drop it on input.</summary>
    public bool EnvVarEraOnly { get; init; }

    /// <summary>A literal is a URL checked by the newest server's key URL rules.</summary>
    public bool IsUrl { get; init; }

    /// <summary>A literal is a region checked against the newest server's region pattern.</summary>
    public bool IsRegion { get; init; }

    /// <summary>For <see cref="FieldKind.Block"/>: the nested block's schema.</summary>
    public BlockSchema? Nested { get; init; }
}
