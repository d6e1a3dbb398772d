using System.Text.Json.Nodes;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Models;

/// <summary>Members and blocks the SDK does not model survive a read and a write, wherever they are.</summary>
public class UnknownMemberTests
{
    private static readonly JsonNode Databricks = JsonNode.Parse("""
        {"workspace_url":{"value":"http************************.net","type":"plain_text"},
         "client_id":{"value":"0c2f************************4b5c","env_var":"","from_env":false},
         "client_secret":{"value":"","ref":"env.DBX","type":"env"},"api_format":"ai_gateway"}
        """)!;

    private static readonly JsonNode OAuth = JsonNode.Parse("""
        {"grant_type":"client_credentials","token_url":"https://login.example.com/token","assertion_lifetime_seconds":300,
         "client_secret":{"value":"Xy8Q************************0123","type":"plain_text"}}
        """)!;

    private static readonly JsonNode Random = JsonNode.Parse("""
        {"n":1.5e3,"s":"caf\u00e9","b":false,"z":null,"a":[1,"two",{"three":[]}],"o":{"deep":{"deeper":"x"}}}
        """)!;

    public static TheoryData<string> KeyFixtures() => new(Fixtures.Names("get-*.json"));

    private static void AssertRoundTrip(JsonNode input, string label)
    {
        var text = input.ToJsonString();
        var output = BifrostJson.Serialize(BifrostJson.DeserializeKey(text));
        JsonAssert.Equivalent(text, output, label);
    }

    [Theory]
    [MemberData(nameof(KeyFixtures))]
    public void Unmodelled_blocks_and_random_members_at_top_level_survive(string name)
    {
        var key = Fixtures.Node(name);
        key["databricks_key_config"] = Databricks.DeepClone();
        key["github_copilot_key_config"] = JsonNode.Parse("""{"app_id":{"value":"****","type":"plain_text"},"github_domain":"github.com"}""");
        key["oauth_key_config"] = OAuth.DeepClone();
        key["gigachat_key_config"] = null;
        key["openai_key_config"] = JsonNode.Parse("""{"deployments":{"a":"b"}}""");
        key["x_future_member"] = Random.DeepClone();
        AssertRoundTrip(key, name);

        var read = BifrostJson.DeserializeKey(key.ToJsonString());
        Assert.Contains("databricks_key_config", read.AdditionalProperties.Keys);
        Assert.Contains("oauth_key_config", read.AdditionalProperties.Keys);
    }

    [Theory]
    [MemberData(nameof(KeyFixtures))]
    public void Random_members_inside_config_blocks_survive(string name)
    {
        var key = Fixtures.Node(name);
        foreach (var (member, value) in key.AsObject().ToList())
        {
            if (member.EndsWith("_key_config", StringComparison.Ordinal) && value is JsonObject block)
            {
                block["x_future_member"] = Random.DeepClone();
                block["deployments"] = JsonNode.Parse("""{"gpt-4o":"prod-gpt4o"}""");
            }
        }

        AssertRoundTrip(key, name);
    }

    [Fact]
    public void Random_members_inside_bedrock_sub_objects_survive()
    {
        var key = Fixtures.Node("get-bedrock-secretvar-era.json");
        var block = key["bedrock_key_config"]!.AsObject();
        block["endpoints"] = JsonNode.Parse("""{"runtime":{"value":"http************************.com","type":"plain_text"},"future":1}""");
        block["batch_s3_config"] = JsonNode.Parse("""{"buckets":[{"bucket_name":"b","is_default":true,"future":"x"}],"future":[]}""");
        AssertRoundTrip(key, "bedrock");
    }

    [Fact]
    public void Random_members_inside_alias_objects_survive_and_string_aliases_stay_strings()
    {
        var key = Fixtures.Node("get-azure-secretvar-era.json");
        key["aliases"] = JsonNode.Parse("""
            {"plain":"deployment-1",
             "object":{"model_id":"m","api_version":"2024-10-21","endpoint":{"value":"http************************.com","type":"plain_text"},"x_future":[1,2]},
             "object-only-id":{"model_id":"only"},
             "no-id":{"model_name":"n","x":true}}
            """);
        AssertRoundTrip(key, "aliases");

        var read = BifrostJson.DeserializeKey(key.ToJsonString());
        Assert.True(read.Aliases["plain"].IsPlainString);
        Assert.False(read.Aliases["object-only-id"].IsPlainString);
        Assert.Equal("2024-10-21", read.Aliases["object"].ApiVersion);
    }

    [Fact]
    public void Random_members_inside_secret_objects_survive()
    {
        var key = Fixtures.Node("get-vertex-secretvar-era.json");
        var block = key["vertex_key_config"]!.AsObject();
        foreach (var (_, value) in block.ToList())
        {
            if (value is JsonObject secret)
            {
                secret["x_future"] = Random.DeepClone();
            }
        }

        key["value"] = JsonNode.Parse("""{"value":"sk-p************************9xQA","env_var":"","from_env":false,"rotation":{"at":"2026-01-01"}}""");
        AssertRoundTrip(key, "secrets");
    }

    [Fact]
    public void Members_of_lists_and_errors_survive()
    {
        var list = Fixtures.Node("list-openai-keys.json");
        list["next_cursor"] = "abc";
        var listText = list.ToJsonString();
        JsonAssert.Equivalent(listText, BifrostJson.Serialize(BifrostJson.Deserialize<ProviderKeyList>(listText)));

        var rows = Fixtures.Node("list-all-keys.json");
        rows[0]!["enabled"] = true;
        rows[0]!["azure_endpoint"] = "https://x";
        rows[0]!["aliases"] = JsonNode.Parse("""{"a":"b"}""");
        var rowsText = rows.ToJsonString();
        JsonAssert.Equivalent(rowsText, BifrostJson.Serialize(BifrostJson.Deserialize<IList<KeySummary>>(rowsText)));

        var error = Fixtures.Node("error-404-key.json");
        error["error"]!["x_detail"] = 1;
        error["event_id"] = "evt";
        var errorText = error.ToJsonString();
        JsonAssert.Equivalent(errorText, BifrostJson.Serialize(BifrostJson.Deserialize<BifrostError>(errorText)));
    }
}
