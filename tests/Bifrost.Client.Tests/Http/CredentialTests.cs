using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Bifrost.Client.Tests.Http;

/// <summary>Which header each credential sends, what is refused, and what never shows a secret.</summary>
public sealed class CredentialTests
{
    private const string KeyJson = """{"id":"key-1","name":"primary","models":[]}""";
    private const string VirtualKey = "sk-bf-0123456789abcdef";
    private readonly FakeTimeProvider _time = new(TestClients.Start);

    private RecordingHandler Ok() => new(_time, (_, _) => Task.FromResult(RecordingHandler.Respond(HttpStatusCode.OK, KeyJson)));

    public static TheoryData<string, string> Headers() => new()
    {
        { "bearer", "Bearer mgmt-token-123" },
        { "virtual", "Bearer " + VirtualKey },
        { "basic", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:p@ss word")) },
    };

    private static BifrostCredential Make(string kind) => kind switch
    {
        "bearer" => BifrostCredential.BearerToken("mgmt-token-123"),
        "virtual" => BifrostCredential.VirtualKey(VirtualKey),
        "basic" => BifrostCredential.Basic("admin", "p@ss word"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public async Task Each_credential_travels_as_its_authorization_header(string kind, string expected)
    {
        var handler = Ok();
        using var client = new BifrostKeysClient(TestClients.Options(_time, Make(kind)), handler);

        await client.GetKeyAsync("openai", "key-1");

        Assert.Equal(expected, Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public async Task No_credential_sends_no_authorization_header()
    {
        var handler = Ok();
        using var client = new BifrostKeysClient(TestClients.Options(_time, BifrostCredential.None), handler);

        await client.GetKeyAsync("openai", "key-1");

        Assert.Null(Assert.Single(handler.Requests).Authorization);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("sk-bf-")]
    [InlineData("SK-BF-abc")]
    [InlineData("bfst-123")]
    public void A_virtual_key_must_start_with_sk_bf(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => BifrostCredential.VirtualKey(value));
        Assert.Contains("sk-bf-", ex.Message);
    }

    [Fact]
    public void A_virtual_key_given_as_a_bearer_token_is_refused_with_advice()
    {
        var ex = Assert.Throws<ArgumentException>(() => BifrostCredential.BearerToken(VirtualKey));
        Assert.Contains("VirtualKey", ex.Message);
        Assert.DoesNotContain(VirtualKey, ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("line\r\nX-Injected: 1")]
    [InlineData("tab\t")]
    public void Malformed_tokens_are_refused(string value)
    {
        Assert.ThrowsAny<ArgumentException>(() => BifrostCredential.BearerToken(value));
    }

    [Fact]
    public void Malformed_basic_credentials_are_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => BifrostCredential.Basic("", "p"));
        Assert.ThrowsAny<ArgumentException>(() => BifrostCredential.Basic("a:b", "p"));
        Assert.ThrowsAny<ArgumentException>(() => BifrostCredential.Basic("admin", ""));
        Assert.ThrowsAny<ArgumentException>(() => BifrostCredential.Basic("admin", "p\n"));
        Assert.ThrowsAny<ArgumentNullException>(() => BifrostCredential.FromTokenProvider(null!));
    }

    [Fact]
    public async Task A_virtual_key_refused_with_401_says_why_and_what_to_use()
    {
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.Unauthorized, """{"is_bifrost_error":false,"status_code":401,"error":{"message":"Unauthorized"}}""");
        using var client = new BifrostKeysClient(TestClients.Options(_time, BifrostCredential.VirtualKey(VirtualKey)), handler);

        var ex = await Assert.ThrowsAsync<BifrostAuthenticationException>(() => client.ListKeysAsync("openai"));

        Assert.True(ex.IsVirtualKeyRejected);
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("virtual key", ex.Message);
        Assert.Contains("management API key", ex.Message);
        Assert.Contains("BifrostCredential.Basic", ex.Message);
        Assert.DoesNotContain(VirtualKey, ex.Message);
        Assert.DoesNotContain(VirtualKey, ex.ToString());
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_virtual_key_from_a_token_provider_refused_with_401_is_explained_too()
    {
        // Only the attempt that carried the virtual key counts: the flag is set per attempt, not per credential kind.
        var tokens = new Queue<string>(["mgmt-token-1", VirtualKey]);
        var credential = BifrostCredential.FromTokenProvider(_ => ValueTask.FromResult(tokens.Dequeue()));
        var handler = new RecordingHandler(_time)
            .ThenRespond(HttpStatusCode.Unauthorized, """{"error":{"message":"Unauthorized"}}""")
            .ThenRespond(HttpStatusCode.Unauthorized, """{"error":{"message":"Unauthorized"}}""");
        using var client = new BifrostKeysClient(TestClients.Options(_time, credential), handler);

        var first = await Assert.ThrowsAsync<BifrostAuthenticationException>(() => client.ListKeysAsync("openai"));
        var second = await Assert.ThrowsAsync<BifrostAuthenticationException>(() => client.ListKeysAsync("openai"));

        Assert.False(first.IsVirtualKeyRejected);
        Assert.True(second.IsVirtualKeyRejected);
        Assert.DoesNotContain(VirtualKey, second.ToString());
    }

    [Fact]
    public async Task A_fixed_credential_builds_its_header_once_and_every_request_carries_it()
    {
        var seen = new List<System.Net.Http.Headers.AuthenticationHeaderValue?>();
        var spy = new RecordingHandler(_time, (request, ct) =>
        {
            seen.Add(request.Headers.Authorization);
            return Task.FromResult(RecordingHandler.Respond(HttpStatusCode.OK, KeyJson));
        });
        using var client = new BifrostKeysClient(TestClients.Options(_time), spy);

        await client.GetKeyAsync("openai", "key-1");
        await client.GetKeyAsync("openai", "key-2");

        Assert.Equal(2, seen.Count);
        Assert.Equal("Bearer mgmt-token-123", seen[0]!.ToString());
        Assert.Same(seen[0], seen[1]);
    }

    [Fact]
    public async Task Without_a_credential_a_401_is_not_blamed_on_a_virtual_key()
    {
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.Unauthorized, """{"error":{"message":"Unauthorized"}}""");
        using var client = new BifrostKeysClient(TestClients.Options(_time, BifrostCredential.None), handler);

        var ex = await Assert.ThrowsAsync<BifrostAuthenticationException>(() => client.ListKeysAsync("openai"));

        Assert.False(ex.IsVirtualKeyRejected);
        Assert.Null(Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public async Task A_management_token_refused_with_401_is_a_plain_authentication_error()
    {
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.Unauthorized, """{"error":{"message":"Unauthorized"}}""");
        using var client = new BifrostKeysClient(TestClients.Options(_time), handler);

        var ex = await Assert.ThrowsAsync<BifrostAuthenticationException>(() => client.ListKeysAsync("openai"));

        Assert.False(ex.IsVirtualKeyRejected);
        Assert.DoesNotContain("virtual key", ex.Message);
        Assert.DoesNotContain("mgmt-token-123", ex.ToString());
    }

    [Fact]
    public async Task A_403_is_an_authentication_error_too()
    {
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.Forbidden, """{"error":{"message":"Changing a provider key's endpoint requires an authenticated admin session"}}""");
        using var client = new BifrostKeysClient(TestClients.Options(_time), handler);

        var ex = await Assert.ThrowsAsync<BifrostAuthenticationException>(() => client.ListKeysAsync("openai"));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
    }

    [Theory]
    [InlineData("http://bifrost.example.com/")]
    [InlineData("http://10.0.0.5:8080/")]
    public void Credentials_over_plain_http_to_a_remote_host_are_refused(string address)
    {
        var options = TestClients.Options(_time, configure: o => o.BaseAddress = new Uri(address));

        var ex = Assert.Throws<ArgumentException>(() => new BifrostKeysClient(options, Ok()));

        Assert.Contains("AllowInsecureHttp", ex.Message);
        Assert.DoesNotContain("mgmt-token-123", ex.Message);
    }

    [Theory]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://[::1]:8080/")]
    public async Task Credentials_over_plain_http_to_loopback_are_allowed(string address)
    {
        var handler = Ok();
        using var client = new BifrostKeysClient(TestClients.Options(_time, configure: o => o.BaseAddress = new Uri(address)), handler);

        await client.GetKeyAsync("openai", "key-1");

        Assert.Equal("Bearer mgmt-token-123", Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_works_with_the_explicit_opt_in_or_without_a_credential()
    {
        var optedIn = Ok();
        using (var client = new BifrostKeysClient(TestClients.Options(_time, configure: o => { o.BaseAddress = new Uri("http://bifrost.internal/"); o.AllowInsecureHttp = true; }), optedIn))
        {
            await client.GetKeyAsync("openai", "key-1");
        }

        var anonymous = Ok();
        using (var client = new BifrostKeysClient(TestClients.Options(_time, BifrostCredential.None, o => o.BaseAddress = new Uri("http://bifrost.internal/")), anonymous))
        {
            await client.GetKeyAsync("openai", "key-1");
        }

        Assert.Equal("Bearer mgmt-token-123", Assert.Single(optedIn.Requests).Authorization);
        Assert.Null(Assert.Single(anonymous.Requests).Authorization);
    }

    [Fact]
    public async Task The_credential_handler_refuses_a_remote_http_request_even_when_options_were_not_validated()
    {
        var options = TestClients.Options(_time);
        var handler = Ok();
        using var http = new HttpClient(Bifrost.Client.Http.BifrostHttp.CreateHandlerChain(() => options, handler, null)) { BaseAddress = new Uri("http://bifrost.example.com/") };
        var api = Bifrost.Client.Http.BifrostHttp.CreateApi(http);

        var ex = await Assert.ThrowsAsync<BifrostException>(() => api.ListAllKeysAsync());

        Assert.Contains("http://", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_token_provider_is_asked_before_every_attempt_so_a_rotated_token_is_used()
    {
        var tokens = new Queue<string>(["token-1", "token-2"]);
        var seenTokens = new List<CancellationToken>();
        var credential = BifrostCredential.FromTokenProvider(ct => { seenTokens.Add(ct); return ValueTask.FromResult(tokens.Dequeue()); });
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.ServiceUnavailable).ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = new BifrostKeysClient(TestClients.Options(_time, credential), handler);
        using var cts = new CancellationTokenSource();

        await TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1", cts.Token), _time);

        Assert.Equal(["Bearer token-1", "Bearer token-2"], handler.Requests.Select(r => r.Authorization));
        Assert.All(seenTokens, t => Assert.True(t.CanBeCanceled));
    }

    [Fact]
    public async Task A_token_provider_returning_nothing_fails_clearly()
    {
        var handler = Ok();
        using var client = new BifrostKeysClient(TestClients.Options(_time, BifrostCredential.FromTokenProvider(_ => ValueTask.FromResult(""))), handler);

        await Assert.ThrowsAsync<BifrostException>(() => client.ListAllKeysAsync());

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Assigning_a_new_credential_to_the_options_applies_to_the_next_request()
    {
        var handler = Ok();
        var options = TestClients.Options(_time);
        using var client = new BifrostKeysClient(options, handler);

        await client.GetKeyAsync("openai", "key-1");
        options.Credential = BifrostCredential.BearerToken("rotated-456");
        await client.GetKeyAsync("openai", "key-1");

        Assert.Equal(["Bearer mgmt-token-123", "Bearer rotated-456"], handler.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public void ToString_and_debugger_display_never_show_the_secret()
    {
        var credentials = new[]
        {
            (BifrostCredential.BearerToken("secret-token-xyz"), "secret-token-xyz"),
            (BifrostCredential.VirtualKey("sk-bf-secretvirtual"), "secretvirtual"),
            (BifrostCredential.Basic("admin", "hunter2-password"), "hunter2"),
        };

        foreach (var (credential, secret) in credentials)
        {
            Assert.DoesNotContain(secret, credential.ToString());
            Assert.Contains(credential.Kind.ToString(), credential.ToString());
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:hunter2-password")), credential.ToString());
        }

        var display = typeof(BifrostCredential).GetCustomAttribute<DebuggerDisplayAttribute>();
        Assert.Equal("{ToString(),nq}", display!.Value);
    }
}
