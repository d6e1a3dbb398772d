namespace Bifrost.Client;

/// <summary>Sets a secret-bearing field of a key by its wire path (CONTRACT §3.3), for <see cref="KeyEdits.RotateSecret(string, SecretValue)"/>.</summary>
internal static class SecretPaths
{
    /// <summary>Every path <see cref="Set"/> accepts.</summary>
    public static IReadOnlyList<string> Supported { get; } =
    [
        "value",
        "azure_key_config.endpoint", "azure_key_config.client_id", "azure_key_config.client_secret", "azure_key_config.tenant_id",
        "vertex_key_config.project_id", "vertex_key_config.project_number", "vertex_key_config.region", "vertex_key_config.auth_credentials",
        "bedrock_key_config.access_key", "bedrock_key_config.secret_key", "bedrock_key_config.session_token", "bedrock_key_config.region",
        "bedrock_key_config.arn", "bedrock_key_config.role_arn", "bedrock_key_config.external_id", "bedrock_key_config.session_name",
        "bedrock_key_config.project_id", "bedrock_key_config.batch_role_arn",
        "bedrock_mantle_key_config.access_key", "bedrock_mantle_key_config.secret_key", "bedrock_mantle_key_config.session_token",
        "bedrock_mantle_key_config.region", "bedrock_mantle_key_config.role_arn", "bedrock_mantle_key_config.external_id",
        "bedrock_mantle_key_config.session_name", "bedrock_mantle_key_config.project_id",
        "vllm_key_config.url", "ollama_key_config.url", "sgl_key_config.url",
    ];

    /// <summary>Sets the field at <paramref name="path"/>. The block must exist on the key.</summary>
    /// <exception cref="ArgumentException">The path is not a supported secret path.</exception>
    /// <exception cref="InvalidOperationException">The key has no such block.</exception>
    public static void Set(ProviderKey key, string path, SecretValue value)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var block = dot < 0 ? string.Empty : path[..dot];
        var field = dot < 0 ? path : path[(dot + 1)..];
        if (!Supported.Contains(path, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{path}' is not a secret field path. Supported: {string.Join(", ", Supported)}.", nameof(path));
        }

        switch (block)
        {
            case "":
                key.Value = value;
                return;
            case "azure_key_config":
                var azure = Require(key.AzureKeyConfigWire, block);
                switch (field)
                {
                    case "endpoint": azure.Endpoint = value; break;
                    case "client_id": azure.ClientId = value; break;
                    case "client_secret": azure.ClientSecret = value; break;
                    default: azure.TenantId = value; break;
                }

                return;
            case "vertex_key_config":
                var vertex = Require(key.VertexKeyConfigWire, block);
                switch (field)
                {
                    case "project_id": vertex.ProjectId = value; break;
                    case "project_number": vertex.ProjectNumber = value; break;
                    case "region": vertex.Region = value; break;
                    default: vertex.AuthCredentials = value; break;
                }

                return;
            case "bedrock_key_config":
                var bedrock = Require(key.BedrockKeyConfigWire, block);
                switch (field)
                {
                    case "access_key": bedrock.AccessKey = value; break;
                    case "secret_key": bedrock.SecretKey = value; break;
                    case "session_token": bedrock.SessionToken = value; break;
                    case "region": bedrock.Region = value; break;
                    case "arn": bedrock.Arn = value; break;
                    case "role_arn": bedrock.RoleArn = value; break;
                    case "external_id": bedrock.ExternalId = value; break;
                    case "session_name": bedrock.SessionName = value; break;
                    case "project_id": bedrock.ProjectId = value; break;
                    default: bedrock.BatchRoleArn = value; break;
                }

                return;
            case "bedrock_mantle_key_config":
                var mantle = Require(key.BedrockMantleKeyConfigWire, block);
                switch (field)
                {
                    case "access_key": mantle.AccessKey = value; break;
                    case "secret_key": mantle.SecretKey = value; break;
                    case "session_token": mantle.SessionToken = value; break;
                    case "region": mantle.Region = value; break;
                    case "role_arn": mantle.RoleArn = value; break;
                    case "external_id": mantle.ExternalId = value; break;
                    case "session_name": mantle.SessionName = value; break;
                    default: mantle.ProjectId = value; break;
                }

                return;
            case "vllm_key_config":
                Require(key.VllmKeyConfigWire, block).Url = value;
                return;
            case "ollama_key_config":
                Require(key.OllamaKeyConfigWire, block).Url = value;
                return;
            default:
                Require(key.SglKeyConfigWire, block).Url = value;
                return;
        }
    }

    private static T Require<T>(T? block, string name)
        where T : ProviderKeyConfig =>
        block ?? throw new InvalidOperationException($"The key has no {name}; cannot set a field in it.");
}
