namespace Bifrost.Client.Testing.Emulator;

/// <summary>When a secret field's literal value is masked in responses (CONTRACT §5.2).</summary>
internal enum SecretRedaction
{
    /// <summary>Always masked.</summary>
    Masked,

    /// <summary>Masked in the EnvVar era; a literal comes back verbatim in the SecretVar era (Azure endpoint, Bedrock project_id).</summary>
    VerbatimLiteralInSecretVarEra,

    /// <summary>Masked in the EnvVar era and early SecretVar builds; newer builds return a literal verbatim (regions, URLs).</summary>
    VerbatimLiteralInNewerBuilds,

    /// <summary>Never masked (Azure <c>api_version</c> in the EnvVar era).</summary>
    Plain,
}
