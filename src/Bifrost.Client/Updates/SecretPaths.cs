namespace Bifrost.Client;

/// <summary>
/// Sets a secret-bearing field of a key by its wire path (CONTRACT §3.3), for
/// <see cref="KeyEdits.RotateSecret(string, SecretValue)"/>. The fields come from the blocks' own tables
/// (<see cref="ProviderKeyConfig.SecretSlots"/>), the same ones the guard lists secrets from.
/// </summary>
internal static class SecretPaths
{
    private static readonly (string Block, IReadOnlyList<SecretSlot> Slots)[] Blocks =
    [
        ("azure_key_config", AzureKeyConfig.Slots),
        ("vertex_key_config", VertexKeyConfig.Slots),
        ("bedrock_key_config", BedrockKeyConfig.Slots),
        ("bedrock_mantle_key_config", BedrockMantleKeyConfig.Slots),
        ("vllm_key_config", VllmKeyConfig.Slots),
        ("ollama_key_config", OllamaKeyConfig.Slots),
        ("sgl_key_config", SglKeyConfig.Slots),
    ];

    /// <summary>Every path <see cref="Set"/> accepts.</summary>
    public static IReadOnlyList<string> Supported { get; } =
    [
        "value",
        .. Blocks.SelectMany(b => b.Slots.Where(s => s.Rotatable).Select(s => b.Block + "." + s.Name)),
    ];

    /// <summary>Sets the field at <paramref name="path"/>. The block must exist on the key.</summary>
    /// <exception cref="ArgumentException">The path is not a supported secret path.</exception>
    /// <exception cref="InvalidOperationException">The key has no such block.</exception>
    public static void Set(ProviderKey key, string path, SecretValue value)
    {
        if (!Supported.Contains(path, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{path}' is not a secret field path. Supported: {string.Join(", ", Supported)}.", nameof(path));
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            key.Value = value;
            return;
        }

        var name = path[..dot];
        var field = path[(dot + 1)..];
        var block = key.ConfigBlocks.FirstOrDefault(b => b.WireName == name)
            ?? throw new InvalidOperationException($"The key has no {name}; cannot set a field in it.");
        block.SecretSlots.First(s => s.Name == field).Set(block, value);
    }
}
