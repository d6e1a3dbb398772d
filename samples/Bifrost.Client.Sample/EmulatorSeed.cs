using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Bifrost.Client.Testing;

namespace Bifrost.Client.Sample;

/// <summary>
/// The embedded server of the sample: a <see cref="BifrostEmulator"/> with bearer-token authentication on, and three
/// keys stored the way a Bifrost server stores them (raw secrets as strings, CONTRACT Appendix A). Every secret is
/// freshly random for each run and fictitious; the sample never prints them.
/// </summary>
internal sealed class EmulatorSeed
{
    /// <summary>The id of the Azure key (an API key, an Entra ID service principal and two aliases).</summary>
    public const string AzureKeyId = "8a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";

    /// <summary>The id of the Bedrock key (AWS access key pair).</summary>
    public const string BedrockKeyId = "3f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c";

    /// <summary>The id of the OpenAI key, whose value is the server's environment variable <c>OPENAI_API_KEY</c>.</summary>
    public const string OpenAiKeyId = "7e3f1a2b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";

    /// <summary>The server-side environment variable the OpenAI key references.</summary>
    public const string OpenAiVariable = "OPENAI_API_KEY";

    /// <summary>The server-side environment variable the OpenAI key is rotated to.</summary>
    public const string OpenAiNextVariable = "OPENAI_API_KEY_NEXT";

    private readonly List<string> _secrets = [];

    private EmulatorSeed()
    {
        BearerToken = Remember("bfst-sample-" + RandomHex(16));
    }

    /// <summary>The management token the emulator accepts; the client sends it as <c>Authorization: Bearer</c>.</summary>
    public string BearerToken { get; }

    /// <summary>
    /// Every raw secret the sample put into the emulator, including the token and the server's environment values.
    /// The test asserts that none of them is ever printed.
    /// </summary>
    public IReadOnlyList<string> Secrets => _secrets;

    /// <summary>Creates an emulator with authentication on and the three keys stored.</summary>
    /// <returns>The seed (token and secrets) and the emulator; the caller disposes the emulator.</returns>
    public static (EmulatorSeed Seed, BifrostEmulator Emulator) Create()
    {
        var seed = new EmulatorSeed();
        var emulator = new BifrostEmulator(o =>
        {
            o.Authentication.IsEnabled = true;
            o.Authentication.BearerTokens.Add(seed.BearerToken);
            o.EnvironmentVariables[OpenAiVariable] = seed.Remember("sk-proj-" + RandomHex(24));
            o.EnvironmentVariables[OpenAiNextVariable] = seed.Remember("sk-proj-" + RandomHex(24));
        });

        emulator.SeedKey("azure", new JsonObject
        {
            ["id"] = AzureKeyId,
            ["name"] = "azure-eastus-prod",
            ["value"] = seed.Remember(RandomHex(16)),
            ["models"] = new JsonArray("gpt-4o"),
            ["weight"] = 1,
            ["aliases"] = new JsonObject
            {
                ["gpt-4o"] = "prod-gpt4o",
                ["gpt-4o-mini"] = new JsonObject { ["model_id"] = "prod-gpt4o-mini", ["api_version"] = "2024-10-21" },
            },
            ["azure_key_config"] = new JsonObject
            {
                ["endpoint"] = "https://contoso-eastus.openai.azure.com",
                ["client_id"] = seed.Remember(Guid.NewGuid().ToString()),
                ["client_secret"] = seed.Remember("azsec~" + RandomHex(16)),
                ["tenant_id"] = seed.Remember(Guid.NewGuid().ToString()),
            },
        });

        emulator.SeedKey("bedrock", new JsonObject
        {
            ["id"] = BedrockKeyId,
            ["name"] = "bedrock-us-east-1",
            ["value"] = "",
            ["models"] = new JsonArray("*"),
            ["weight"] = 1,
            ["bedrock_key_config"] = new JsonObject
            {
                ["access_key"] = seed.Remember("AKIA" + RandomHex(8).ToUpperInvariant()),
                ["secret_key"] = seed.Remember(RandomHex(20)),
                ["region"] = "us-east-1",
            },
        });

        emulator.SeedKey("openai", new JsonObject
        {
            ["id"] = OpenAiKeyId,
            ["name"] = "openai-main",
            ["value"] = "env." + OpenAiVariable,
            ["models"] = new JsonArray("*"),
            ["weight"] = 1,
        });

        return (seed, emulator);
    }

    /// <summary>A fresh random literal for a rotated secret; remembered so the output check covers it.</summary>
    public string NewSecret(string prefix) => Remember(prefix + RandomHex(16));

    private string Remember(string secret)
    {
        _secrets.Add(secret);
        return secret;
    }

    private static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
