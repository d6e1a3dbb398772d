using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bifrost.Client.Testing;

namespace Bifrost.Client.Tests.Emulator;

/// <summary>Management authentication (CONTRACT §8.1, §8.2) and the endpoint-change guard (§8.4).</summary>
public sealed class AuthTests
{
    private static BifrostEmulator WithAuth() => new(o =>
    {
        o.Authentication.IsEnabled = true;
        o.Authentication.AdminUsername = "admin";
        o.Authentication.AdminPassword = "correct horse";
        o.Authentication.BearerTokens.Add("bfst-management-token");
        o.Authentication.BearerTokens.Add("sk-bf-virtual-key-listed-by-mistake");
    });

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Disabled_auth_leaves_the_api_open()
    {
        await using var emulator = new BifrostEmulator();
        using HttpClient http = emulator.CreateClient();

        Answer answer = await http.GetJsonAsync("api/keys");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("Bearer bfst-management-token", HttpStatusCode.OK)]
    [InlineData("bearer bfst-management-token", HttpStatusCode.Unauthorized)]
    [InlineData("Bearer wrong-token", HttpStatusCode.Unauthorized)]
    [InlineData("Bearer sk-bf-virtual-key-listed-by-mistake", HttpStatusCode.Unauthorized)]
    [InlineData("Basic admin:correct horse", HttpStatusCode.OK)]
    [InlineData("Basic admin:wrong", HttpStatusCode.Unauthorized)]
    [InlineData("Bearer admin:correct horse", HttpStatusCode.OK)]
    [InlineData("Token bfst-management-token", HttpStatusCode.Unauthorized)]
    public async Task Management_credentials_are_checked(string? authorization, HttpStatusCode expected)
    {
        await using BifrostEmulator emulator = WithAuth();
        using HttpClient http = emulator.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/providers/openai/keys");
        if (authorization is not null)
        {
            // "user:pass" in the test data stands for its base64 form.
            string[] parts = authorization.Split(' ', 2);
            string credential = parts[1].Contains(':', StringComparison.Ordinal) ? Base64(parts[1]) : parts[1];
            request.Headers.TryAddWithoutValidation("Authorization", parts[0] + " " + credential);
        }

        HttpResponseMessage response = await http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("Unauthorized", JsonNode.Parse(body)!["error"]!["message"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Login_returns_a_session_token_that_works_as_bearer()
    {
        await using BifrostEmulator emulator = WithAuth();
        using HttpClient http = emulator.CreateClient();

        Answer wrong = await http.PostJsonAsync("api/session/login", JsonNode.Parse("""{"username":"admin","password":"nope"}""")!);
        Answer login = await http.PostJsonAsync("api/session/login", JsonNode.Parse("""{"username":"admin","password":"correct horse"}""")!);
        string token = login.Json!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Answer keys = await http.GetJsonAsync("api/keys");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("Invalid username or password", wrong.ErrorMessage);
        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Contains(login.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("token=" + token, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, keys.Status);
    }

    [Fact]
    public async Task Session_routes_and_health_stay_open()
    {
        await using BifrostEmulator emulator = WithAuth();
        using HttpClient http = emulator.CreateClient();

        Answer enabled = await http.GetJsonAsync("api/session/is-auth-enabled");
        Answer health = await http.GetJsonAsync("health");

        Assert.True(enabled.Json!["is_auth_enabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, health.Status);
    }

    [Fact]
    public async Task Login_without_auth_is_403()
    {
        await using var emulator = new BifrostEmulator();
        using HttpClient http = emulator.CreateClient();

        Answer login = await http.PostJsonAsync("api/session/login", JsonNode.Parse("""{"username":"a","password":"b"}""")!);

        Assert.Equal(HttpStatusCode.Forbidden, login.Status);
        Assert.Equal("Authentication is not enabled", login.ErrorMessage);
    }

    [Fact]
    public async Task Run_time_bearer_tokens_are_accepted()
    {
        await using BifrostEmulator emulator = WithAuth();
        emulator.AddBearerToken("late-token");
        using HttpClient http = emulator.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "late-token");

        Answer answer = await http.GetJsonAsync("api/keys");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task Endpoint_guard_blocks_dial_target_changes_only_when_switched_on_and_auth_is_disabled()
    {
        const string Stored = """{"id":"a1","name":"az","value":"k-0000000000","models":["*"],"weight":1,"azure_key_config":{"endpoint":"https://old.example.com"}}""";
        await using var guarded = new BifrostEmulator(o => o.Authentication.GuardEndpointChangesWhenDisabled = true);
        await using var unguarded = new BifrostEmulator();
        guarded.SeedKey("azure", Stored);
        unguarded.SeedKey("azure", Stored);
        using HttpClient g = guarded.CreateClient();
        using HttpClient u = unguarded.CreateClient();
        JsonObject changed = JsonNode.Parse("""{"name":"az","value":"k-00************************0000","models":["*"],"weight":1,"azure_key_config":{"endpoint":"https://new.example.com"}}""")!.AsObject();
        JsonObject same = JsonNode.Parse("""{"name":"az","value":"k-0000000000","models":["*"],"weight":1,"azure_key_config":{"endpoint":"https://old.example.com"}}""")!.AsObject();

        Answer blocked = await g.PutJsonAsync("api/providers/azure/keys/a1", changed);
        Answer unchanged = await g.PutJsonAsync("api/providers/azure/keys/a1", same);
        Answer allowed = await u.PutJsonAsync("api/providers/azure/keys/a1", changed.DeepClone());

        Assert.Equal(HttpStatusCode.Forbidden, blocked.Status);
        Assert.StartsWith("Changing a provider key's endpoint (azure_key_config.endpoint) requires an authenticated admin session", blocked.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unchanged.Status);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal("https://new.example.com", unguarded.GetStoredKey("azure", "a1")!["azure_key_config"]!["endpoint"]!.GetValue<string>());
    }
}
