namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// The server's key blocks and their fields, written from CONTRACT §3.3 (secret fields), §4 (blocks),
/// §5.2 (what is masked) and §6.2 (which fields Gen C checks for placeholders).
/// </summary>
internal static class KeySchema
{
    private static FieldSchema Secret(string name, bool checkedInGenC = true) =>
        new(name, FieldKind.Secret) { PlaceholderNeedsStoredValue = checkedInGenC };

    private static FieldSchema Url(string name) =>
        new(name, FieldKind.Secret)
        {
            Redaction = SecretRedaction.VerbatimLiteralInNewerBuilds,
            PlaceholderNeedsStoredValue = true,
            IsDialTarget = true,
            IsUrl = true,
        };

    private static FieldSchema Region(string name) =>
        new(name, FieldKind.Secret)
        {
            Redaction = SecretRedaction.VerbatimLiteralInNewerBuilds,
            PlaceholderNeedsStoredValue = true,
            IsRegion = true,
        };

    private static FieldSchema ProjectId() =>
        new("project_id", FieldKind.Secret) { Redaction = SecretRedaction.VerbatimLiteralInSecretVarEra };

    /// <summary><c>bedrock_key_config.endpoints</c> (newest): every member is a dial target.</summary>
    private static readonly BlockSchema BedrockEndpoints = new(
        "endpoints",
        [.. new[] { "runtime", "control_plane", "mantle", "agent_runtime", "s3" }.Select(n =>
            new FieldSchema(n, FieldKind.Secret)
            {
                Redaction = SecretRedaction.VerbatimLiteralInNewerBuilds,
                IsDialTarget = true,
                IsUrl = true,
            })]);

    /// <summary>The blocks a key may carry, modelled (§4.1) and unmodelled (§4.2).</summary>
    public static IReadOnlyList<BlockSchema> Blocks { get; } =
    [
        new("azure_key_config",
            new FieldSchema("endpoint", FieldKind.Secret)
            {
                Redaction = SecretRedaction.VerbatimLiteralInSecretVarEra,
                PlaceholderNeedsStoredValue = true,
                IsDialTarget = true,
                IsUrl = true,
            },
            Secret("client_id"), Secret("client_secret"), Secret("tenant_id"),
            new FieldSchema("scopes", FieldKind.StringArray),
            new FieldSchema("api_version", FieldKind.Secret) { Redaction = SecretRedaction.Plain, EnvVarEraOnly = true }),
        new("vertex_key_config",
            new FieldSchema("project_id", FieldKind.Secret) { PlaceholderNeedsStoredValue = true, AlwaysEmitted = true },
            new FieldSchema("project_number", FieldKind.Secret) { PlaceholderNeedsStoredValue = true, AlwaysEmitted = true },
            new FieldSchema("region", FieldKind.Secret)
            {
                Redaction = SecretRedaction.VerbatimLiteralInNewerBuilds,
                PlaceholderNeedsStoredValue = true,
                IsRegion = true,
                AlwaysEmitted = true,
            },
            new FieldSchema("auth_credentials", FieldKind.Secret) { PlaceholderNeedsStoredValue = true, AlwaysEmitted = true },
            new FieldSchema("force_single_region", FieldKind.Bool)),
        new("bedrock_key_config",
            new FieldSchema("access_key", FieldKind.Secret) { PlaceholderNeedsStoredValue = true, AlwaysEmitted = true },
            new FieldSchema("secret_key", FieldKind.Secret) { PlaceholderNeedsStoredValue = true, AlwaysEmitted = true },
            Secret("session_token"), Region("region"), Secret("arn"), Secret("role_arn"), Secret("external_id"),
            Secret("session_name"), ProjectId(), Secret("batch_role_arn"),
            new FieldSchema("batch_s3_config", FieldKind.Object),
            new FieldSchema("endpoints", FieldKind.Block) { Nested = BedrockEndpoints }),
        new("bedrock_mantle_key_config",
            Secret("access_key"), Secret("secret_key"), Secret("session_token"), Region("region"), Secret("role_arn"),
            Secret("external_id"), Secret("session_name"), ProjectId()),
        new("vllm_key_config", Url("url"), new FieldSchema("model_name", FieldKind.String)),
        new("ollama_key_config", Url("url")),
        new("sgl_key_config", Url("url")),
        new("replicate_key_config", new FieldSchema("use_deployments_endpoint", FieldKind.Bool)) { KeptWhenOmittedSinceGenB = true },
        new("databricks_key_config",
            Url("workspace_url"), Secret("client_id"), Secret("client_secret"), new FieldSchema("api_format", FieldKind.String)),
        new("github_copilot_key_config",
            Secret("app_id"), Secret("installation_id"), Secret("repository_id"), Secret("private_key"),
            new FieldSchema("github_domain", FieldKind.Secret)
            {
                Redaction = SecretRedaction.VerbatimLiteralInNewerBuilds,
                PlaceholderNeedsStoredValue = true,
                IsDialTarget = true,
            }),
        new("oauth_key_config",
            new FieldSchema("grant_type", FieldKind.String), new FieldSchema("token_url", FieldKind.String),
            new FieldSchema("client_id", FieldKind.String), Secret("client_secret", checkedInGenC: false),
            Secret("private_key", checkedInGenC: false), new FieldSchema("issuer", FieldKind.String),
            new FieldSchema("audience", FieldKind.String), new FieldSchema("assertion_lifetime_seconds", FieldKind.Number)),
        new("gigachat_key_config",
            Secret("credentials", checkedInGenC: false), Secret("access_token", checkedInGenC: false),
            new FieldSchema("user", FieldKind.String), Secret("password", checkedInGenC: false),
            Secret("cert_file", checkedInGenC: false), Secret("key_file", checkedInGenC: false),
            Secret("ca_bundle_file", checkedInGenC: false)),
    ];

    /// <summary>Secret fields of an alias object (CONTRACT §4.3); stored as given, literals shown verbatim.</summary>
    public static IReadOnlySet<string> AliasSecretFields { get; } =
        new HashSet<string>(["region", "project_id", "endpoint", "project_number", "inference_profile_arn"], StringComparer.Ordinal);

    /// <summary>The top-level <c>value</c> field.</summary>
    public static FieldSchema Value { get; } = new("value", FieldKind.Secret) { PlaceholderNeedsStoredValue = true };
}
