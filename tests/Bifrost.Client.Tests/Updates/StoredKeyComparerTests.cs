using System.Text.Json;

namespace Bifrost.Client.Tests.Updates;

public class StoredKeyComparerTests
{
    private static readonly JsonSerializerOptions Indented = new(BifrostJson.Options) { WriteIndented = true };

    public static TheoryData<string> FixtureNames() => new(UpdateTestKeys.FixtureProviders.Keys);

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Two_reads_of_the_same_key_are_the_same(string fixture)
    {
        Assert.True(StoredKeyComparer.AreSameStoredKey(UpdateTestKeys.Fixture(fixture), UpdateTestKeys.Fixture(fixture)));
    }

    [Fact]
    public void Status_and_description_written_by_model_discovery_are_ignored()
    {
        var first = UpdateTestKeys.Fixture("get-ollama-envvar-era.json");
        var json = JsonSerializer.Serialize(first, BifrostJson.Options).Replace("\"list_models_failed\"", "\"success\"", StringComparison.Ordinal)
            .Replace("failed to list models: connection refused", "ok", StringComparison.Ordinal);
        var second = BifrostJson.DeserializeKey(json);
        Assert.NotEqual(first.Status, second.Status);
        Assert.True(StoredKeyComparer.AreSameStoredKey(first, second));
    }

    [Fact]
    public void Member_order_does_not_matter()
    {
        var first = BifrostJson.DeserializeKey("""{"name":"a","x_key_config":{"a":1,"b":2},"y":true}""");
        var second = BifrostJson.DeserializeKey("""{"y":true,"x_key_config":{"b":2,"a":1},"name":"a"}""");
        Assert.True(StoredKeyComparer.AreSameStoredKey(first, second));
    }

    public static TheoryData<string, string> Changes() => new()
    {
        { "rotated secret (new mask)", "\"abcd************************wxyz\"|\"abcd************************wxy0\"" },
        { "weight", "\"weight\": 1|\"weight\": 0.5" },
        { "models", "\"gpt-4o-mini\"\n  ]|\"o3\"\n  ]" },
        { "unmodelled block", "\"api_format\": \"auto\"|\"api_format\": \"ai_gateway\"" },
        { "enabled", "\"enabled\": true|\"enabled\": false" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_other_change_counts(string what, string replacement)
    {
        var first = UpdateTestKeys.AzureWithCanaries();
        var json = JsonSerializer.Serialize(first, Indented);
        var parts = replacement.Split('|');
        var changed = json.Replace(parts[0], parts[1], StringComparison.Ordinal);
        Assert.True(changed != json, what);
        Assert.False(StoredKeyComparer.AreSameStoredKey(first, BifrostJson.DeserializeKey(changed)), what);
    }
}
