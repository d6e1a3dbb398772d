using System.Text.Json;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Serialization;

/// <summary>Malformed input fails with a <see cref="JsonException"/> whose message names where, never with a NullReferenceException.</summary>
public class MalformedJsonTests
{
    [Theory]
    [InlineData("""{"value":5}""", "$.value")]
    [InlineData("""{"value":true}""", "$.value")]
    [InlineData("""{"value":["sk"]}""", "$.value")]
    [InlineData("""{"value":{"value":5}}""", "$.value")]
    [InlineData("""{"value":{"value":"x","from_env":"true"}}""", "$.value")]
    [InlineData("""{"azure_key_config":"https://x"}""", "$.azure_key_config")]
    [InlineData("""{"azure_key_config":{"endpoint":42}}""", "$.azure_key_config.endpoint")]
    [InlineData("""{"azure_key_config":{"scopes":"a"}}""", "$.azure_key_config.scopes")]
    [InlineData("""{"vertex_key_config":{"force_single_region":"yes"}}""", "$.vertex_key_config.force_single_region")]
    [InlineData("""{"bedrock_key_config":{"endpoints":{"runtime":1}}}""", "$.bedrock_key_config.endpoints.runtime")]
    [InlineData("""{"bedrock_key_config":{"batch_s3_config":{"buckets":{}}}}""", "$.bedrock_key_config.batch_s3_config.buckets")]
    [InlineData("""{"models":"gpt-4o"}""", "$.models")]
    [InlineData("""{"models":[1]}""", "$.models[0]")]
    [InlineData("""{"weight":"heavy"}""", "$.weight")]
    [InlineData("""{"enabled":"true"}""", "$.enabled")]
    [InlineData("""{"aliases":[]}""", "$.aliases")]
    [InlineData("""{"aliases":{"a":5}}""", "$.aliases.a")]
    [InlineData("""{"aliases":{"a":null}}""", "$.aliases.a")]
    [InlineData("""{"aliases":{"a":{"model_id":"m","region":7}}}""", "$.aliases.a")]
    [InlineData("""{"name":{"first":"x"}}""", "$.name")]
    [InlineData("{\"name\":\"n\",\"value\":{\"value\":\"x\"", "$")]
    [InlineData("""{"name":"n",""", "$")]
    [InlineData("""{"name":"n","models":["a",""", "$.models")]
    [InlineData("""[]""", "$")]
    [InlineData("""42""", "$")]
    public void A_bad_key_names_the_path(string json, string path)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => BifrostJson.DeserializeKey(json));
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("NullReference", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_null_for_a_key_is_a_json_exception()
    {
        var exception = Assert.Throws<JsonException>(() => BifrostJson.DeserializeKey("null"));
        Assert.Contains("$", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"keys":{},"total":0}""", "$.keys")]
    [InlineData("""{"keys":[{"value":1}],"total":1}""", "$.keys[0].value")]
    [InlineData("""{"keys":[],"total":"1"}""", "$.total")]
    public void A_bad_key_list_names_the_path(string json, string path)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => BifrostJson.Deserialize<ProviderKeyList>(json));
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"key_id":5}]""", "$[0].key_id")]
    [InlineData("""[{"value":7}]""", "$[0].value")]
    [InlineData("""[{"created_at":"yesterday"}]""", "$[0].created_at")]
    [InlineData("""{"key_id":"k"}""", "$")]
    public void Bad_key_rows_name_the_path(string json, string path)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => BifrostJson.Deserialize<IList<KeySummary>>(json));
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"status_code":"400"}""", "$.status_code")]
    [InlineData("""{"error":"boom"}""", "$.error")]
    [InlineData("""{"error":{"message":1}}""", "$.error.message")]
    public void A_bad_error_body_names_the_path(string json, string path)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => BifrostJson.Deserialize<BifrostError>(json));
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_do_not_echo_secret_values()
    {
        const string secret = "sk-live-canary-0b6e1d";
        var exception = Assert.ThrowsAny<JsonException>(
            () => BifrostJson.DeserializeKey("{\"value\":\"" + secret + "\",\"azure_key_config\":{\"endpoint\":{\"value\":\"" + secret + "\",\"from_env\":1}}}"));
        Assert.DoesNotContain(secret, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_fixture_truncated_anywhere_fails_with_a_json_exception()
    {
        foreach (var name in Fixtures.Names("get-*.json"))
        {
            var json = Fixtures.Read(name);
            for (var length = 0; length < json.Length - 1; length += 7)
            {
                var truncated = json[..length];
                if (truncated.TrimEnd().Length == 0)
                {
                    Assert.ThrowsAny<JsonException>(() => BifrostJson.DeserializeKey(truncated));
                    continue;
                }

                var exception = Assert.ThrowsAny<JsonException>(() => BifrostJson.DeserializeKey(truncated));
                Assert.Contains("$", exception.Message, StringComparison.Ordinal);
            }
        }
    }
}
