using System.Net;
using Bifrost.Client.Tests.Http;
using Microsoft.Extensions.Time.Testing;

namespace Bifrost.Client.Tests.Mutation;

/// <summary>
/// Kills mutants of the client, its options and credentials that the behaviour tests left alive
/// (docs/mutation-testing.md).
/// </summary>
public sealed class ClientMutationTests
{
    private const string KeyJson = """{"id":"key-1","name":"primary","models":["*"]}""";
    private readonly FakeTimeProvider _time = new(TestClients.Start);

    // ---- options ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Valid_options_at_every_upper_bound_pass()
    {
        var options = Valid(o =>
        {
            o.MaxRetries = 10;
            o.RetryBaseDelay = TimeSpan.FromMinutes(5);
            o.MaxRetryDelay = TimeSpan.FromHours(1);
            o.MaxRetryAfter = TimeSpan.FromHours(1);
            o.AttemptTimeout = TimeSpan.FromHours(1);
            o.Timeout = TimeSpan.FromHours(24);
        });

        Assert.Empty(options.GetValidationErrors());
        options.Validate();
    }

    public static TheoryData<string, string> InvalidOptions() => new()
    {
        { "no-base", "BaseAddress is required." },
        { "ftp", "BaseAddress must be an absolute http:// or https:// URI." },
        { "query", "BaseAddress must not carry a query, fragment or user info." },
        { "fragment", "BaseAddress must not carry a query, fragment or user info." },
        { "userinfo", "BaseAddress must not carry a query, fragment or user info." },
        { "null-credential", "Credential must not be null; use BifrostCredential.None." },
        { "retries", "MaxRetries must be between 0 and 10." },
        { "base-delay", "RetryBaseDelay must be between 00:00:00 and 00:05:00." },
        { "max-delay", "MaxRetryDelay must be between 00:00:00 and 01:00:00." },
        { "max-retry-after", "MaxRetryAfter must be between 00:00:00 and 01:00:00." },
        { "timeout", "Timeout must be between 00:00:00.0100000 and 1.00:00:00." },
        { "null-time", "TimeProvider must not be null." },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Each_invalid_option_gets_its_own_message(string change, string expected)
    {
        var options = Valid(o =>
        {
            switch (change)
            {
                case "no-base": o.BaseAddress = null; break;
                case "ftp": o.BaseAddress = new Uri("ftp://bifrost.test/"); break;
                case "query": o.BaseAddress = new Uri("https://bifrost.test/?a=1"); break;
                case "fragment": o.BaseAddress = new Uri("https://bifrost.test/#top"); break;
                case "userinfo": o.BaseAddress = new Uri("https://user@bifrost.test/"); break;
                case "null-credential": o.Credential = null!; break;
                case "retries": o.MaxRetries = 11; break;
                case "base-delay": o.RetryBaseDelay = TimeSpan.FromMinutes(6); break;
                case "max-delay": o.MaxRetryDelay = TimeSpan.FromHours(2); break;
                case "max-retry-after": o.MaxRetryAfter = TimeSpan.FromHours(2); break;
                case "timeout": o.Timeout = TimeSpan.FromHours(25); break;
                case "null-time": o.TimeProvider = null!; break;
            }
        });

        Assert.Equal([expected], options.GetValidationErrors());
        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal("Invalid BifrostClientOptions: " + expected, ex.Message);
    }

    // ---- credentials -----------------------------------------------------------------------------------------------

    [Fact]
    public void A_virtual_key_is_checked_like_any_token()
    {
        Assert.Throws<ArgumentNullException>(() => BifrostCredential.VirtualKey(null!));
        var ex = Assert.Throws<ArgumentException>(() => BifrostCredential.VirtualKey("sk-bf-a b"));
        Assert.StartsWith("The value must be printable ASCII: no whitespace, control or non-ASCII characters.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a:b", "pw", "The user name must not contain ':'.")]
    [InlineData("a\u0007", "pw", "The user name must not contain control characters.")]
    [InlineData("admin", "p\u0000w", "The password must not contain control characters.")]
    public void Basic_credentials_say_what_is_wrong(string user, string password, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => BifrostCredential.Basic(user, password));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_provider_that_returns_a_bad_token_is_named()
    {
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = new BifrostKeysClient(
            TestClients.Options(_time, BifrostCredential.FromTokenProvider(_ => ValueTask.FromResult("two words"))), handler);

        var ex = await Assert.ThrowsAsync<BifrostException>(() => client.GetKeyAsync("openai", "key-1"));

        Assert.Equal("The token provider returned an empty token or one with whitespace, control or non-ASCII characters.", ex.Message);
        Assert.Empty(handler.Requests);
    }

    // ---- client ----------------------------------------------------------------------------------------------------

    [Fact]
    public void A_client_needs_a_handler()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new BifrostKeysClient(TestClients.Options(_time), (HttpMessageHandler)null!));

        Assert.Equal("primaryHandler", ex.ParamName);
    }

    [Fact]
    public async Task Disposing_the_client_closes_its_connection_pool_but_not_a_given_handler()
    {
        var handler = new TrackingHandler();
        var client = new BifrostKeysClient(TestClients.Options(_time), handler);
        await client.GetKeyAsync("openai", "key-1");

        client.Dispose();

        Assert.False(handler.IsDisposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetKeyAsync("openai", "key-1"));
    }

    [Fact]
    public void A_key_for_another_id_is_refused_with_the_reason()
    {
        using var client = new BifrostKeysClient(TestClients.Options(_time), new TrackingHandler());

        var ex = Assert.Throws<ArgumentException>(() => { _ = client.UpdateKeyAsync("openai", "key-1", new ProviderKey { Id = "key-2" }); });

        Assert.Equal("key", ex.ParamName);
        Assert.StartsWith("The key's Id differs from keyId; the server would silently use keyId. Pass the matching key.", ex.Message, StringComparison.Ordinal);
    }

    // Arguments are checked synchronously, before a task (and any request) exists.
    [Fact]
    public void Safe_update_and_preview_check_their_arguments_before_returning_a_task()
    {
        var handler = new TrackingHandler();
        using var client = new BifrostKeysClient(TestClients.Options(_time), handler);
        Action<ProviderKey> edit = k => k.Weight = 1;

        Assert.Throws<ArgumentException>(() => { _ = client.UpdateKeyAsync("..", "key-1", edit); });
        Assert.Throws<ArgumentException>(() => { _ = client.UpdateKeyAsync("openai", "a\u0001", edit); });
        Assert.Throws<ArgumentNullException>(() => { _ = client.UpdateKeyAsync("openai", "key-1", (Action<ProviderKey>)null!); });
        Assert.Throws<ArgumentException>(() => { _ = client.PreviewUpdateKeyAsync(".", "key-1", edit); });
        Assert.Throws<ArgumentException>(() => { _ = client.PreviewUpdateKeyAsync("openai", "..", edit); });
        Assert.Throws<ArgumentNullException>(() => { _ = client.PreviewUpdateKeyAsync("openai", "key-1", null!); });
        Assert.Equal(0, handler.Calls);
    }

    private BifrostClientOptions Valid(Action<BifrostClientOptions> change) => TestClients.Options(_time, configure: change);

    private sealed class TrackingHandler : HttpMessageHandler
    {
        public bool IsDisposed { get; private set; }

        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(RecordingHandler.Respond(HttpStatusCode.OK, KeyJson));
        }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }
}
