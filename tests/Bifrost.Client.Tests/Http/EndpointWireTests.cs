using System.Net;
using System.Text.Json.Nodes;
using Bifrost.Client.Tests.Support;
using WireMock.Server;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bifrost.Client.Tests.Http;

/// <summary>Every key endpoint against a loopback WireMock server: method, path, headers and body on the wire; responses parsed.</summary>
public sealed class EndpointWireTests : IDisposable
{
    private const string Token = "mgmt-token-123";
    private const string OpenAiKeyId = "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly BifrostKeysClient _client;

    public EndpointWireTests()
    {
        _client = new BifrostKeysClient(new BifrostClientOptions
        {
            BaseAddress = new Uri(_server.Url!),
            Credential = BifrostCredential.BearerToken(Token),
            MaxRetries = 0,
        });
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private void Answer(string method, string path, int status, string body) =>
        _server.Given(Request.Create().UsingMethod(method).WithPath(path))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private WireMock.Logging.ILogEntry SingleRequest() => Assert.Single(_server.LogEntries);

    private static void AssertCommonHeaders(WireMock.Logging.ILogEntry entry)
    {
        Assert.Equal("Bearer " + Token, Assert.Single(entry.RequestMessage.Headers!["Authorization"]));
    }

    [Fact]
    public async Task ListKeys_gets_the_provider_keys_and_parses_the_list()
    {
        Answer("GET", "/api/providers/openai/keys", 200, Fixtures.Read("list-openai-keys.json"));

        var list = await _client.ListKeysAsync("openai");

        var entry = SingleRequest();
        Assert.Equal("GET", entry.RequestMessage.Method);
        Assert.Equal("/api/providers/openai/keys", entry.RequestMessage.Path);
        Assert.Null(entry.RequestMessage.Body);
        AssertCommonHeaders(entry);
        var expected = Fixtures.Node("list-openai-keys.json");
        Assert.Equal(expected["total"]!.GetValue<int>(), list.Total);
        Assert.Equal(expected["keys"]!.AsArray().Count, list.Keys.Count);
        Assert.Equal(expected["keys"]![0]!["id"]!.GetValue<string>(), list.Keys[0].Id);
    }

    [Fact]
    public async Task CreateKey_posts_the_key_with_a_client_assigned_id_and_parses_the_200_answer()
    {
        var answer = Fixtures.Read("get-openai-env-ref.json");
        Answer("POST", "/api/providers/openai/keys", 200, answer);
        var key = new ProviderKey { Name = "primary", Value = SecretValue.Literal("sk-proj-abcdefghijklmnopqrstuvwxyz0123"), Models = ["*"], Weight = 1, Enabled = true };

        var created = await _client.CreateKeyAsync("openai", key);

        var entry = SingleRequest();
        Assert.Equal("POST", entry.RequestMessage.Method);
        Assert.Equal("/api/providers/openai/keys", entry.RequestMessage.Path);
        AssertCommonHeaders(entry);
        Assert.StartsWith("application/json", Assert.Single(entry.RequestMessage.Headers!["Content-Type"]));
        var sent = JsonNode.Parse(entry.RequestMessage.Body!)!;
        Assert.True(Guid.TryParse(sent["id"]!.GetValue<string>(), out _));
        Assert.Equal("primary", sent["name"]!.GetValue<string>());
        Assert.Equal("sk-proj-abcdefghijklmnopqrstuvwxyz0123", sent["value"]!.GetValue<string>());
        Assert.Null(key.Id); // the caller's object is not changed
        Assert.Equal(Fixtures.Node("get-openai-env-ref.json")["id"]!.GetValue<string>(), created.Id);
    }

    [Fact]
    public async Task GetKey_gets_one_key_and_parses_it()
    {
        var fixture = Fixtures.Node("get-azure-secretvar-era.json");
        var id = fixture["id"]!.GetValue<string>();
        Answer("GET", $"/api/providers/azure/keys/{id}", 200, Fixtures.Read("get-azure-secretvar-era.json"));

        var key = await _client.GetKeyAsync("azure", id);

        var entry = SingleRequest();
        Assert.Equal("GET", entry.RequestMessage.Method);
        Assert.Equal($"/api/providers/azure/keys/{id}", entry.RequestMessage.Path);
        AssertCommonHeaders(entry);
        Assert.Equal(id, key.Id);
        Assert.IsType<AzureKeyConfig>(key.Config);
    }

    [Fact]
    public async Task UpdateKey_puts_the_whole_key_exactly_as_read()
    {
        var json = Fixtures.Read("get-openai-env-ref.json");
        var key = BifrostJson.DeserializeKey(json);
        Answer("PUT", $"/api/providers/openai/keys/{key.Id}", 200, json);

        var saved = await _client.UpdateKeyAsync("openai", key.Id!, key);

        var entry = SingleRequest();
        Assert.Equal("PUT", entry.RequestMessage.Method);
        Assert.Equal($"/api/providers/openai/keys/{key.Id}", entry.RequestMessage.Path);
        AssertCommonHeaders(entry);

        // Everything as read, except the server-managed members, which are never sent (CONTRACT §2).
        var expected = JsonNode.Parse(json)!.AsObject();
        expected.Remove("config_hash");
        expected.Remove("status");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(entry.RequestMessage.Body!)), entry.RequestMessage.Body);
        Assert.Equal(key.Id, saved.Id);
    }

    [Fact]
    public async Task A_body_goes_out_with_its_exact_Content_Length_not_chunked()
    {
        // Bodies are serialized once into a byte array: some proxies refuse chunked uploads, and a retry replays the bytes.
        var json = Fixtures.Read("get-openai-env-ref.json");
        var key = BifrostJson.DeserializeKey(json);
        Answer("PUT", $"/api/providers/openai/keys/{key.Id}", 200, json);

        await _client.UpdateKeyAsync("openai", key.Id!, key);

        var request = SingleRequest().RequestMessage;
        var length = System.Text.Encoding.UTF8.GetByteCount(request.Body!);
        Assert.Equal(length.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(request.Headers!["Content-Length"]));
        Assert.False(request.Headers.ContainsKey("Transfer-Encoding"));
        Assert.StartsWith("application/json", Assert.Single(request.Headers["Content-Type"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteKey_deletes_and_returns_the_deleted_key()
    {
        var json = Fixtures.Read("get-vllm-secretvar-era.json");
        var id = JsonNode.Parse(json)!["id"]!.GetValue<string>();
        Answer("DELETE", $"/api/providers/vllm/keys/{id}", 200, json);

        var deleted = await _client.DeleteKeyAsync("vllm", id);

        var entry = SingleRequest();
        Assert.Equal("DELETE", entry.RequestMessage.Method);
        Assert.True(string.IsNullOrEmpty(entry.RequestMessage.Body));
        AssertCommonHeaders(entry);
        Assert.Equal(id, deleted.Id);
    }

    [Fact]
    public async Task ListAllKeys_gets_api_keys_and_parses_the_array_of_rows()
    {
        Answer("GET", "/api/keys", 200, Fixtures.Read("list-all-keys.json"));

        var rows = await _client.ListAllKeysAsync();

        var entry = SingleRequest();
        Assert.Equal("/api/keys", entry.RequestMessage.Path);
        AssertCommonHeaders(entry);
        var expected = Fixtures.Node("list-all-keys.json").AsArray();
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected[0]!["key_id"]!.GetValue<string>(), rows[0].KeyId);
    }

    public static TheoryData<string, int, Type> ErrorFixtures() => new()
    {
        { "error-400-empty-value.json", 400, typeof(BifrostValidationException) },
        { "error-401.json", 401, typeof(BifrostAuthenticationException) },
        { "error-404-key.json", 404, typeof(BifrostNotFoundException) },
        { "error-409-name.json", 409, typeof(BifrostConflictException) },
    };

    [Theory]
    [MemberData(nameof(ErrorFixtures))]
    public async Task Error_bodies_become_typed_exceptions_with_the_server_message(string fixture, int status, Type type)
    {
        Answer("GET", $"/api/providers/openai/keys/{OpenAiKeyId}", status, Fixtures.Read(fixture));

        var ex = await Assert.ThrowsAnyAsync<BifrostApiException>(() => _client.GetKeyAsync("openai", OpenAiKeyId));

        var serverMessage = Fixtures.Node(fixture)["error"]!["message"]!.GetValue<string>();
        Assert.IsType(type, ex);
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(serverMessage, ex.ServerMessage);
        Assert.Contains(serverMessage, ex.Message);
        Assert.True(JsonNode.DeepEquals(Fixtures.Node(fixture), JsonNode.Parse(ex.ResponseBody!)));
        Assert.Equal($"{type.FullName}: ({status} {(HttpStatusCode)status}) {ex.Message}", ex.ToString());
        Assert.DoesNotContain(Token, ex.ToString());
        Assert.IsAssignableFrom<BifrostException>(ex);
    }

    [Fact]
    public async Task A_non_json_error_body_falls_back_to_status_and_raw_text()
    {
        _server.Given(Request.Create().UsingGet().WithPath("/api/keys"))
            .RespondWith(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html>Bad gateway from proxy</html>"));

        var ex = await Assert.ThrowsAsync<BifrostApiException>(() => _client.ListAllKeysAsync());

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.Error);
        Assert.Null(ex.ServerMessage);
        Assert.Equal("<html>Bad gateway from proxy</html>", ex.ResponseBody);
        Assert.Contains("502", ex.Message);
        Assert.Contains("Bad gateway from proxy", ex.Message);
    }

    [Fact]
    public async Task A_huge_error_body_is_capped_in_ResponseBody()
    {
        var big = new string('x', 20_000);
        _server.Given(Request.Create().UsingGet().WithPath("/api/keys"))
            .RespondWith(Response.Create().WithStatusCode(500).WithBody(big));

        var ex = await Assert.ThrowsAsync<BifrostApiException>(() => _client.ListAllKeysAsync());

        Assert.Equal(BifrostApiException.MaxResponseBodyLength, ex.ResponseBody!.Length);
        Assert.True(ex.Message.Length < 400);
    }

    [Fact]
    public async Task An_error_body_without_status_code_uses_the_http_status()
    {
        Answer("GET", "/api/providers/nope/keys", 404, """{"error":{"message":"Provider not found: nope"}}""");

        var ex = await Assert.ThrowsAsync<BifrostNotFoundException>(() => _client.ListKeysAsync("nope"));

        Assert.Equal("Provider not found: nope", ex.ServerMessage);
        Assert.Null(ex.Error!.StatusCode);
    }

    [Fact]
    public async Task A_success_body_that_is_not_a_key_surfaces_as_BifrostException_not_a_refit_type()
    {
        Answer("GET", $"/api/providers/openai/keys/{OpenAiKeyId}", 200, "[1,2,3]");

        var ex = await Assert.ThrowsAsync<BifrostException>(() => _client.GetKeyAsync("openai", OpenAiKeyId));

        Assert.Contains("could not be read", ex.Message);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
    }
}
