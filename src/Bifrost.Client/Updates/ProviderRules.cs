namespace Bifrost.Client;

/// <summary>
/// The server's per-provider requirements on a key, written once: the built-in provider names (CONTRACT §1.1), the
/// required nested fields and the providers whose <c>value</c> may be empty (CONTRACT §7.2, newest lists).
/// </summary>
internal sealed class ProviderRules
{
    // CONTRACT §1.1: built-in provider names.
    private static readonly HashSet<string> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        "openai", "azure", "anthropic", "cohere", "gemini", "mistral", "groq", "xai", "bedrock", "bedrock_mantle",
        "vertex", "ollama", "sgl", "vllm", "replicate", "huggingface", "openrouter", "perplexity", "cerebras",
        "deepseek", "nebius", "fireworks", "parasail",
    };

    // CONTRACT §7.2: CanProviderKeyValueBeEmpty, newest list.
    private static readonly HashSet<string> ValueMayBeEmpty = new(StringComparer.OrdinalIgnoreCase)
    {
        "vertex", "bedrock", "bedrock_mantle", "vllm", "azure", "ollama", "sgl",
    };

    private ProviderRules(string? baseProvider)
    {
        BaseProvider = baseProvider;
    }

    /// <summary>The built-in provider whose rules apply, or <see langword="null"/> when unknown (custom provider without a hint).</summary>
    public string? BaseProvider { get; }

    /// <summary>True when the key must carry a non-empty <c>value</c>.</summary>
    public bool RequiresValue => BaseProvider is not null && !ValueMayBeEmpty.Contains(BaseProvider);

    /// <summary>Resolves the rules for a path provider and an optional base-provider hint for custom providers.</summary>
    public static ProviderRules For(string provider, string? baseProviderHint)
    {
        if (BuiltIn.Contains(provider))
        {
            return new ProviderRules(provider.ToLowerInvariant());
        }

        return new ProviderRules(baseProviderHint is not null && BuiltIn.Contains(baseProviderHint) ? baseProviderHint.ToLowerInvariant() : null);
    }

    /// <summary>The first required field (by wire path) that <paramref name="key"/> lacks, with the server's wording of the rule; or <see langword="null"/>.</summary>
    public (string Path, string Rule)? FindMissingRequiredField(ProviderKey key)
    {
        switch (BaseProvider)
        {
            case "azure":
                return Missing(key.AzureKeyConfigWire?.Endpoint) ? ("azure_key_config.endpoint", "is required for Azure keys") : null;
            case "bedrock":
                return Missing(key.BedrockKeyConfigWire?.Region) ? ("bedrock_key_config.region", "is required for Bedrock keys") : null;
            case "bedrock_mantle":
                return Missing(key.BedrockMantleKeyConfigWire?.Region) ? ("bedrock_mantle_key_config.region", "is required for Bedrock Mantle keys") : null;
            case "vllm":
                if (Missing(key.VllmKeyConfigWire?.Url))
                {
                    return ("vllm_key_config.url", "is required for VLLM keys");
                }

                return string.IsNullOrWhiteSpace(key.VllmKeyConfigWire?.ModelName) ? ("vllm_key_config.model_name", "is required for VLLM keys") : null;
            case "ollama":
                return Missing(key.OllamaKeyConfigWire?.Url) ? ("ollama_key_config.url", "is required for Ollama keys") : null;
            case "sgl":
                return Missing(key.SglKeyConfigWire?.Url) ? ("sgl_key_config.url", "is required for SGL keys") : null;
            default:
                return null;
        }
    }

    private static bool Missing(SecretValue? value) => value is null || value.IsEmpty;
}
