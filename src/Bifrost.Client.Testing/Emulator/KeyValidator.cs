using System.Text.Json.Nodes;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// The server's checks on a merged key before it is saved (CONTRACT §7.2). Rules are checked on the
/// provider's base type, as the newest server does for custom providers.
/// </summary>
internal static class KeyValidator
{
    // CanProviderKeyValueBeEmpty (§7.2): newest, and older builds.
    private static readonly HashSet<string> EmptyValueAllowedNewest =
        new(["vertex", "bedrock", "bedrock_mantle", "vllm", "azure", "ollama", "sgl"], StringComparer.Ordinal);

    private static readonly HashSet<string> EmptyValueAllowedOlder =
        new(["vertex", "bedrock", "vllm", "azure"], StringComparer.Ordinal);

    /// <summary>Throws the server's answer for the first rule the key breaks.</summary>
    /// <param name="key">The merged raw key.</param>
    /// <param name="stored">The stored raw key (update) or <see langword="null"/> (create).</param>
    /// <param name="provider">The provider in the path.</param>
    /// <param name="generation">The generation played.</param>
    /// <exception cref="ApiErrorException">A rule is broken.</exception>
    public static void Validate(JsonObject key, JsonObject? stored, ProviderEntry provider, ServerGeneration generation)
    {
        string type = provider.BaseType;
        HashSet<string> emptyAllowed = generation == ServerGeneration.C ? EmptyValueAllowedNewest : EmptyValueAllowedOlder;
        if (RawJson.Text(key["value"]).Length == 0 && !emptyAllowed.Contains(type))
        {
            throw new ApiErrorException(400, "Key value must not be empty");
        }

        if (RequiredFieldError(key, type, generation) is { } required)
        {
            throw new ApiErrorException(400, required);
        }

        if (generation == ServerGeneration.C)
        {
            if (ModelListRules.FindError(key["models"] as JsonArray, "whitelist") is { } models)
            {
                throw new ApiErrorException(400, "Invalid models: " + models);
            }

            if (ModelListRules.FindError(key["blacklisted_models"] as JsonArray, "blacklist") is { } blacklist)
            {
                throw new ApiErrorException(400, "Invalid blacklisted_models: " + blacklist);
            }
        }

        if (key["aliases"] is JsonObject aliases && AliasRules.FindError(aliases, type) is { } alias)
        {
            throw new ApiErrorException(400, "Invalid aliases: " + alias);
        }

        if (generation == ServerGeneration.C && KeyUrlRules.FindError(key, stored) is { } url)
        {
            throw new ApiErrorException(400, "Invalid key URL: " + url);
        }
    }

    /// <summary>
    /// Gen A/B validate the model lists only when saving (most likely a 500 <c>Failed to … provider key: …</c>).
    /// </summary>
    public static string? FindSaveTimeError(JsonObject key) =>
        ModelListRules.FindError(key["models"] as JsonArray, "whitelist") is { } models ? "invalid models: " + models
        : ModelListRules.FindError(key["blacklisted_models"] as JsonArray, "blacklist") is { } blacklist ? "invalid blacklisted_models: " + blacklist
        : null;

    private static string? RequiredFieldError(JsonObject key, string type, ServerGeneration generation)
    {
        bool genC = generation == ServerGeneration.C;
        return type switch
        {
            "ollama" when Missing(key, "ollama_key_config", "url") => "ollama_key_config.url is required for Ollama keys",
            "sgl" when Missing(key, "sgl_key_config", "url") => "sgl_key_config.url is required for SGL keys",
            "azure" when genC && Missing(key, "azure_key_config", "endpoint") => "azure_key_config.endpoint is required for Azure keys",
            "bedrock" when genC && Missing(key, "bedrock_key_config", "region") => "bedrock_key_config.region is required for Bedrock keys",
            "bedrock_mantle" when genC && Missing(key, "bedrock_mantle_key_config", "region") => "bedrock_mantle_key_config.region is required for Bedrock Mantle keys",
            "vllm" when genC && Missing(key, "vllm_key_config", "url") => "vllm_key_config.url is required for VLLM keys",
            "vllm" when genC && Missing(key, "vllm_key_config", "model_name") => "vllm_key_config.model_name is required for VLLM keys",
            _ => null,
        };
    }

    private static bool Missing(JsonObject key, string block, string field) =>
        key[block] is not JsonObject config || RawJson.Text(config[field]).Trim().Length == 0;
}
