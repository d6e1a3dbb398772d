using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Updates;

/// <summary>Keys for the update tests: contract fixtures and small hand-written keys with canary secrets.</summary>
internal static class UpdateTestKeys
{
    /// <summary>A literal that must never appear in any display output.</summary>
    public const string Canary = "CANARY-9f3b7c1e-literal-secret";

    /// <summary>Fixture file name → path provider.</summary>
    public static readonly IReadOnlyDictionary<string, string> FixtureProviders = new Dictionary<string, string>
    {
        ["get-azure-entra-envvar-era.json"] = "azure",
        ["get-azure-secretvar-era.json"] = "azure",
        ["get-bedrock-secretvar-era.json"] = "bedrock",
        ["get-ollama-envvar-era.json"] = "ollama",
        ["get-openai-env-ref.json"] = "openai",
        ["get-replicate.json"] = "replicate",
        ["get-sgl-secretvar-era.json"] = "sgl",
        ["get-vertex-secretvar-era.json"] = "vertex",
        ["get-vllm-secretvar-era.json"] = "vllm",
    };

    public static ProviderKey Fixture(string name) => BifrostJson.DeserializeKey(Fixtures.Read(name));

    /// <summary>An Azure key as a newer server returns it: verbatim literal endpoint, Entra fields, and an unmodelled block.</summary>
    public static ProviderKey AzureWithCanaries() => BifrostJson.DeserializeKey($$"""
        {
          "id": "11111111-2222-4333-8444-555555555555",
          "name": "azure-canary",
          "value": {"value": "abcd************************wxyz", "type": "plain_text"},
          "models": ["gpt-4o", "gpt-4o-mini"],
          "blacklisted_models": [],
          "weight": 1,
          "aliases": {"gpt-4o": {"model_id": "prod-gpt4o", "endpoint": {"value": "https://{{Canary}}.example", "type": "plain_text"} } },
          "azure_key_config": {
            "endpoint": {"value": "https://{{Canary}}.openai.azure.com", "type": "plain_text"},
            "client_id": {"value": "c1d2************************e3f4", "type": "plain_text"},
            "client_secret": {"value": "s3cr************************t000", "type": "plain_text"},
            "tenant_id": {"value": "t3na************************nt00", "type": "plain_text"},
            "future_field": "{{Canary}}"
          },
          "databricks_key_config": {
            "workspace_url": {"value": "https://{{Canary}}.cloud.databricks.com", "type": "plain_text"},
            "client_secret": {"value": "dbx0************************0xbd", "type": "plain_text"},
            "api_format": "auto"
          },
          "future_flag": true,
          "enabled": true,
          "use_for_batch_api": false,
          "use_anthropic_endpoints": false,
          "status": "success"
        }
        """);
}
