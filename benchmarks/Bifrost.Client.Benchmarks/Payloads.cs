using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bifrost.Client.Benchmarks;

/// <summary>The JSON the benchmarks send and receive, shaped like a real server's answers (masked secrets).</summary>
public static class Payloads
{
    public const string Provider = "openai";
    public const string KeyId = "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d";
    public const string Token = "bfst-benchmark-token";

    /// <summary>One OpenAI key as GET answers it (SecretVar era).</summary>
    public static byte[] OpenAiKey { get; } = Encoding.UTF8.GetBytes(OpenAiKeyJson(KeyId, "openai-prod"));

    /// <summary>The key as stored (raw), for seeding the emulator.</summary>
    public static string OpenAiRawKey { get; } =
        $$"""{"id":"{{KeyId}}","name":"openai-prod","value":"sk-proj-abcdefghijklmnopqrstuvwxyz0123","models":["gpt-4o","gpt-4o-mini","o3"],"weight":1}""";

    /// <summary>GET /api/providers/openai/keys with 100 keys.</summary>
    public static byte[] ListOf100 { get; } = BuildList(100);

    /// <summary>
    /// A large Azure key: Entra ID config with every secret field, 50 aliases (object form, with secret endpoints),
    /// and unknown members at the top, in the config block and in aliases.
    /// </summary>
    public static byte[] LargeAzureKey { get; } = BuildLargeAzureKey();

    private static string OpenAiKeyJson(string id, string name) => $$"""
        {"id":"{{id}}","name":"{{name}}","value":{"value":"sk-p************************9xQA","ref":"env.OPENAI_API_KEY","type":"env"},"models":["gpt-4o","gpt-4o-mini","o3"],"blacklisted_models":[],"weight":1,"enabled":true,"use_for_batch_api":false,"use_anthropic_endpoints":false,"config_hash":"9f2c1e0b7a","status":"success"}
        """;

    private static byte[] BuildList(int count)
    {
        var sb = new StringBuilder("{\"keys\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(OpenAiKeyJson(Guid.NewGuid().ToString(), "openai-" + i.ToString(CultureInfo.InvariantCulture)).Trim());
        }

        sb.Append("],\"total\":").Append(count).Append('}');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] BuildLargeAzureKey()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", "6c1f3e0a-2b4d-4c8e-9f10-7a2b3c4d5e6f");
            w.WriteString("name", "azure-eastus-prod");
            Secret(w, "value", "3f9a************************c21e", null);
            w.WriteStartArray("models");
            for (var i = 0; i < 50; i++)
            {
                w.WriteStringValue("gpt-4o-" + i.ToString(CultureInfo.InvariantCulture));
            }

            w.WriteEndArray();
            w.WriteStartArray("blacklisted_models");
            w.WriteStringValue("gpt-35-turbo");
            w.WriteEndArray();
            w.WriteNumber("weight", 0.75);
            w.WriteStartObject("aliases");
            for (var i = 0; i < 50; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                w.WriteStartObject("gpt-4o-" + n);
                w.WriteString("model_id", "prod-gpt4o-" + n);
                w.WriteString("model_name", "GPT-4o deployment " + n);
                w.WriteString("description", "Production deployment number " + n);
                w.WriteString("api_version", "2024-10-21");
                Secret(w, "endpoint", "https://contoso-" + n + ".openai.azure.com", null);
                w.WriteBoolean("use_deployments_endpoint", true);
                w.WriteString("future_alias_field", "x" + n);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("azure_key_config");
            Secret(w, "endpoint", "https://contoso-eastus.openai.azure.com", null);
            Secret(w, "client_id", "1b2c************************3d4e", "env.AZURE_CLIENT_ID");
            Secret(w, "client_secret", "Qx7~************************Pl0z", "env.AZURE_CLIENT_SECRET");
            Secret(w, "tenant_id", "72f9************************db47", null);
            w.WriteStartArray("scopes");
            w.WriteStringValue("https://cognitiveservices.azure.com/.default");
            w.WriteEndArray();
            Secret(w, "api_version", "2024-10-21", null);
            w.WriteString("future_block_field", "kept");
            w.WriteEndObject();
            w.WriteBoolean("enabled", true);
            w.WriteBoolean("use_for_batch_api", false);
            w.WriteBoolean("use_anthropic_endpoints", false);
            w.WriteString("config_hash", "0d1e2f3a4b5c6d7e");
            w.WriteString("status", "success");
            w.WriteString("description", "The big one");
            w.WriteStartObject("future_top_level");
            w.WriteNumber("level", 3);
            w.WriteStartArray("tags");
            w.WriteStringValue("a");
            w.WriteStringValue("b");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteNumber("future_counter", 12345);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Secret(Utf8JsonWriter w, string name, string value, string? reference)
    {
        w.WriteStartObject(name);
        w.WriteString("value", value);
        if (reference is null)
        {
            w.WriteString("type", "plain_text");
        }
        else
        {
            w.WriteString("ref", reference);
            w.WriteString("type", "env");
        }

        w.WriteEndObject();
    }
}
