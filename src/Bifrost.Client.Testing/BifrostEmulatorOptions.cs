namespace Bifrost.Client.Testing;

/// <summary>
/// How a <see cref="BifrostEmulator"/> behaves: which server generation and wire era it plays, which providers
/// are configured, which environment it resolves references from, and how it authenticates.
/// </summary>
public sealed class BifrostEmulatorOptions
{
    /// <summary>The built-in provider names a server knows (CONTRACT §1.1).</summary>
    public static IReadOnlyList<string> BuiltInProviders { get; } =
    [
        "openai", "azure", "anthropic", "cohere", "gemini", "mistral", "groq", "xai", "bedrock", "bedrock_mantle",
        "vertex", "ollama", "sgl", "vllm", "replicate", "huggingface", "openrouter", "perplexity", "cerebras",
        "deepseek", "nebius", "fireworks", "parasail",
    ];

    private readonly Dictionary<string, CustomProviderDefinition> _customProviders = new(StringComparer.Ordinal);

    /// <summary>The update-merge generation to play. Defaults to <see cref="ServerGeneration.C"/> (newest).</summary>
    public ServerGeneration Generation { get; set; } = ServerGeneration.C;

    /// <summary>
    /// The output shape of secrets. Defaults to <see cref="EmulatorWireEra.SecretVar"/>. Generation A servers were
    /// <see cref="EmulatorWireEra.EnvVar"/>; set both for a faithful v1.5.x server.
    /// </summary>
    public EmulatorWireEra WireEra { get; set; } = EmulatorWireEra.SecretVar;

    /// <summary>
    /// SecretVar era only: when <see langword="true"/>, plays an early SecretVar build that masks literal regions
    /// and URLs (vLLM/Ollama/SGL <c>url</c>, Vertex/Bedrock/Mantle <c>region</c>). When <see langword="false"/>
    /// (the default, newest servers), such literals come back verbatim. The EnvVar era always masks them.
    /// </summary>
    public bool MaskLiteralRegionsAndUrls { get; set; }

    /// <summary>
    /// The configured built-in providers. Defaults to every name in <see cref="BuiltInProviders"/>; a path naming
    /// a provider that is neither here nor in <see cref="CustomProviders"/> gets 404 <c>Provider not found</c>.
    /// </summary>
    public ICollection<string> Providers { get; } = new HashSet<string>(BuiltInProviders, StringComparer.Ordinal);

    /// <summary>The configured custom providers, by name.</summary>
    public IReadOnlyDictionary<string, CustomProviderDefinition> CustomProviders => _customProviders;

    /// <summary>
    /// Environment variables of the emulated server, used to resolve <c>env.NAME</c> references (keyed by
    /// <c>NAME</c>). An unresolvable reference is shown with an empty value.
    /// </summary>
    public IDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Vault secrets of the emulated server, used to resolve <c>vault.PATH</c> references (keyed by <c>PATH</c>).
    /// Only the SecretVar era knows vault references.
    /// </summary>
    public IDictionary<string, string> VaultSecrets { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Dashboard authentication settings. Disabled by default.</summary>
    public EmulatorAuthenticationOptions Authentication { get; } = new();

    /// <summary>
    /// The clock used for injected delays and journal timestamps. Defaults to <see cref="TimeProvider.System"/>;
    /// pass a fake time provider to control delays in tests.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The status the emulated model discovery leaves on a key created through the API. Defaults to
    /// <c>unknown</c> (the column default).
    /// </summary>
    public string CreatedKeyStatus { get; set; } = "unknown";

    /// <summary>Adds a custom provider.</summary>
    /// <param name="name">The provider name used in request paths.</param>
    /// <param name="baseProviderType">The built-in provider whose rules apply (for example <c>openai</c>).</param>
    /// <param name="isKeyLess">When <see langword="true"/>, key creation, update and deletion answer 400.</param>
    /// <returns>These options, for chaining.</returns>
    public BifrostEmulatorOptions AddCustomProvider(string name, string baseProviderType, bool isKeyLess = false)
    {
        var definition = new CustomProviderDefinition(name, baseProviderType, isKeyLess);
        _customProviders[definition.Name] = definition;
        return this;
    }
}
