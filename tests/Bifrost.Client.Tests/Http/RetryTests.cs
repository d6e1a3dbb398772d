using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Bifrost.Client.Tests.Http;

/// <summary>The retry matrix: what is retried, how often, how long it waits, and what never is.</summary>
public sealed class RetryTests
{
    private const string KeyJson = """{"id":"key-1","name":"primary","value":{"value":"sk-p************************9xQA","type":"plain_text"},"models":["*"]}""";
    private readonly FakeTimeProvider _time = new(TestClients.Start);

    private BifrostKeysClient Client(RecordingHandler handler, Action<BifrostClientOptions>? configure = null) =>
        new(TestClients.Options(_time, configure: configure), handler);

    public static TheoryData<int> Transient() => new() { 408, 429, 500, 502, 503, 504 };

    public static TheoryData<int> Final() => new() { 400, 401, 403, 404, 409, 422 };

    [Theory]
    [MemberData(nameof(Transient))]
    public async Task Transient_statuses_are_retried_MaxRetries_times_then_surface(int status)
    {
        var handler = new RecordingHandler(_time, (_, _) => Task.FromResult(RecordingHandler.Respond((HttpStatusCode)status, null)));
        using var client = Client(handler, o => o.MaxRetries = 3);

        var ex = await Assert.ThrowsAnyAsync<BifrostApiException>(() => TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Transient))]
    public async Task A_transient_status_followed_by_success_returns_the_key(int status)
    {
        var handler = new RecordingHandler(_time).ThenRespond((HttpStatusCode)status).ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = Client(handler);

        var key = await TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time);

        Assert.Equal("key-1", key.Id);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Final))]
    public async Task Final_statuses_are_never_retried(int status)
    {
        var handler = new RecordingHandler(_time, (_, _) => Task.FromResult(RecordingHandler.Respond((HttpStatusCode)status, null)));
        using var client = Client(handler);

        await Assert.ThrowsAnyAsync<BifrostApiException>(() => TestClients.DriveAsync(client.UpdateKeyAsync("openai", "key-1", BifrostJson.DeserializeKey(KeyJson)), _time));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task MaxRetries_zero_disables_retries()
    {
        var handler = new RecordingHandler(_time, (_, _) => Task.FromResult(RecordingHandler.Respond(HttpStatusCode.ServiceUnavailable, null)));
        using var client = Client(handler, o => o.MaxRetries = 0);

        await Assert.ThrowsAsync<BifrostApiException>(() => TestClients.DriveAsync(client.ListKeysAsync("openai"), _time));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Connection_failures_are_retried_and_the_last_one_surfaces_as_HttpRequestException()
    {
        var handler = new RecordingHandler(_time, (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("connection refused")));
        using var client = Client(handler, o => o.MaxRetries = 2);

        await Assert.ThrowsAsync<HttpRequestException>(() => TestClients.DriveAsync(client.ListAllKeysAsync(), _time));

        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_retried_put_sends_the_same_body_every_time()
    {
        var handler = new RecordingHandler(_time)
            .ThenThrow(new HttpRequestException("reset"))
            .ThenRespond(HttpStatusCode.BadGateway)
            .ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = Client(handler);

        await TestClients.DriveAsync(client.UpdateKeyAsync("openai", "key-1", BifrostJson.DeserializeKey(KeyJson)), _time);

        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal(HttpMethod.Put, r.Method));
        Assert.Single(handler.Requests.Select(r => r.Body).Distinct());
        Assert.NotNull(handler.Requests[0].Body);
    }

    [Fact]
    public async Task Delete_is_retried()
    {
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.ServiceUnavailable).ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = Client(handler);

        await TestClients.DriveAsync(client.DeleteKeyAsync("openai", "key-1"), _time);

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_raw_post_without_an_id_is_never_retried()
    {
        var handler = new RecordingHandler(_time, (_, _) => Task.FromResult(RecordingHandler.Respond(HttpStatusCode.ServiceUnavailable, null)));
        var options = TestClients.Options(_time);
        using var http = new HttpClient(Bifrost.Client.Http.BifrostHttp.CreateHandlerChain(() => options, handler, null)) { BaseAddress = options.BaseAddress };
        var api = Bifrost.Client.Http.BifrostHttp.CreateApi(http);

        await Assert.ThrowsAsync<BifrostApiException>(() => TestClients.DriveAsync(api.CreateKeyAsync("openai", new ProviderKey { Name = "n" }), _time));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_create_gets_a_client_id_and_is_retried_with_the_same_id()
    {
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.ServiceUnavailable).ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = Client(handler);

        await TestClients.DriveAsync(client.CreateKeyAsync("openai", new ProviderKey { Name = "primary" }), _time);

        Assert.Equal(2, handler.Requests.Count);
        var ids = handler.Requests.Select(r => System.Text.Json.Nodes.JsonNode.Parse(r.Body!)!["id"]!.GetValue<string>()).Distinct().ToList();
        Assert.True(Guid.TryParse(Assert.Single(ids), out _));
    }

    [Fact]
    public async Task A_409_on_a_retried_create_is_resolved_by_reading_the_key_back()
    {
        ProviderKey? sent = null;
        var handler = new RecordingHandler(_time)
            .ThenThrow(new HttpRequestException("answer lost after the server saved the key"))
            .ThenRespond(HttpStatusCode.Conflict, """{"error":{"message":"Key ID already exists"}}""")
            .Then((request, _) =>
            {
                var id = request.RequestUri!.AbsolutePath.Split('/')[^1];
                var json = $$"""{"id":"{{id}}","name":"primary","value":{"value":"sk-p************************9xQA","type":"plain_text"},"models":["*"]}""";
                return Task.FromResult(RecordingHandler.Respond(HttpStatusCode.OK, json));
            });
        using var client = Client(handler);
        sent = new ProviderKey { Name = "primary" };

        var created = await TestClients.DriveAsync(client.CreateKeyAsync("openai", sent), _time);

        Assert.Equal([HttpMethod.Post, HttpMethod.Post, HttpMethod.Get], handler.Requests.Select(r => r.Method));
        var postedId = System.Text.Json.Nodes.JsonNode.Parse(handler.Requests[0].Body!)!["id"]!.GetValue<string>();
        Assert.Equal($"/api/providers/openai/keys/{postedId}", handler.Requests[2].Uri.AbsolutePath);
        Assert.Equal(postedId, created.Id);
    }

    [Fact]
    public async Task A_409_on_a_retried_create_is_rethrown_when_the_key_is_not_there()
    {
        var handler = new RecordingHandler(_time)
            .ThenRespond(HttpStatusCode.BadGateway)
            .ThenRespond(HttpStatusCode.Conflict, """{"error":{"message":"API key names must be unique across providers. Choose a different name"}}""")
            .ThenRespond(HttpStatusCode.NotFound, """{"error":{"message":"Provider key not found: x"}}""");
        using var client = Client(handler);

        var ex = await Assert.ThrowsAsync<BifrostConflictException>(() => TestClients.DriveAsync(client.CreateKeyAsync("openai", new ProviderKey { Name = "primary" }), _time));

        Assert.Contains("unique", ex.ServerMessage);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_409_on_a_retried_create_is_rethrown_when_the_key_read_back_is_someone_elses()
    {
        var handler = new RecordingHandler(_time)
            .ThenRespond(HttpStatusCode.BadGateway)
            .ThenRespond(HttpStatusCode.Conflict, """{"error":{"message":"Key ID already exists"}}""")
            .ThenRespond(HttpStatusCode.OK, """{"id":"fixed-id","name":"another","models":[]}""");
        using var client = Client(handler);

        await Assert.ThrowsAsync<BifrostConflictException>(() => TestClients.DriveAsync(client.CreateKeyAsync("openai", new ProviderKey { Id = "fixed-id", Name = "primary" }), _time));
    }

    [Fact]
    public async Task A_409_on_the_first_create_attempt_is_a_plain_conflict()
    {
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.Conflict, """{"error":{"message":"API key names must be unique across providers. Choose a different name"}}""");
        using var client = Client(handler);

        await Assert.ThrowsAsync<BifrostConflictException>(() => TestClients.DriveAsync(client.CreateKeyAsync("openai", new ProviderKey { Name = "primary" }), _time));

        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(45)] // longer than MaxRetryDelay (30 s): Retry-After wins over the backoff cap
    public async Task Retry_After_in_seconds_is_obeyed(int seconds)
    {
        var handler = new RecordingHandler(_time)
            .ThenRespond(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds)))
            .ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = Client(handler, o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(1));

        await TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time);

        var waited = handler.Requests[1].At - handler.Requests[0].At;
        Assert.InRange(waited, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(seconds + 1));
    }

    [Fact]
    public async Task Retry_After_as_an_http_date_is_obeyed()
    {
        var handler = new RecordingHandler(_time)
            .ThenRespond(HttpStatusCode.ServiceUnavailable, null, r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TestClients.Start.AddSeconds(12)))
            .ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = Client(handler);

        await TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time);

        var waited = handler.Requests[1].At - handler.Requests[0].At;
        Assert.InRange(waited, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(13));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_is_not_waited_for()
    {
        var handler = new RecordingHandler(_time)
            .ThenRespond(HttpStatusCode.TooManyRequests, """{"error":{"message":"Too many login attempts. Please try again later."}}""", r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(120)));
        using var client = Client(handler, o => o.MaxRetryAfter = TimeSpan.FromSeconds(60));

        var ex = await Assert.ThrowsAsync<BifrostApiException>(() => TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Backoff_without_Retry_After_waits_between_attempts_within_the_cap()
    {
        var handler = new RecordingHandler(_time)
            .ThenRespond(HttpStatusCode.ServiceUnavailable)
            .ThenRespond(HttpStatusCode.ServiceUnavailable)
            .ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = Client(handler, o => { o.RetryBaseDelay = TimeSpan.FromSeconds(1); o.MaxRetryDelay = TimeSpan.FromSeconds(5); });

        await TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time, TimeSpan.FromMilliseconds(50));

        Assert.Equal(3, handler.Requests.Count);
        for (var i = 1; i < 3; i++)
        {
            var waited = handler.Requests[i].At - handler.Requests[i - 1].At;
            Assert.InRange(waited, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5) + TimeSpan.FromMilliseconds(100));
        }
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried()
    {
        var handler = new RecordingHandler(_time).ThenHang().ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = Client(handler, o => o.AttemptTimeout = TimeSpan.FromSeconds(10));

        var key = await TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time, TimeSpan.FromSeconds(1));

        Assert.Equal("key-1", key.Id);
        Assert.Equal(2, handler.Requests.Count);
        Assert.InRange(handler.Requests[1].At - handler.Requests[0].At, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(13));
    }

    [Fact]
    public async Task When_every_attempt_times_out_a_BifrostTimeoutException_surfaces()
    {
        var handler = new RecordingHandler(_time, async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return null!; });
        using var client = Client(handler, o => { o.AttemptTimeout = TimeSpan.FromSeconds(5); o.MaxRetries = 2; });

        var ex = await Assert.ThrowsAsync<BifrostTimeoutException>(() => TestClients.DriveAsync(client.ListKeysAsync("openai"), _time, TimeSpan.FromSeconds(1)));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(5), ex.Timeout);
        Assert.IsAssignableFrom<BifrostException>(ex);
    }

    [Fact]
    public async Task The_overall_timeout_bounds_the_whole_call()
    {
        var handler = new RecordingHandler(_time, async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return null!; });
        using var client = Client(handler, o => { o.AttemptTimeout = TimeSpan.FromSeconds(30); o.Timeout = TimeSpan.FromSeconds(45); });

        var ex = await Assert.ThrowsAsync<BifrostTimeoutException>(() => TestClients.DriveAsync(client.ListKeysAsync("openai"), _time, TimeSpan.FromSeconds(1)));

        Assert.Equal(TimeSpan.FromSeconds(45), ex.Timeout);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_call_timeout_shorter_than_the_attempt_timeout_ends_the_first_attempt_and_is_not_retried()
    {
        var handler = new RecordingHandler(_time, async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return null!; });
        using var client = Client(handler, o => { o.AttemptTimeout = TimeSpan.FromSeconds(30); o.Timeout = TimeSpan.FromSeconds(10); o.MaxRetries = 3; });

        var ex = await Assert.ThrowsAsync<BifrostTimeoutException>(() => TestClients.DriveAsync(client.ListKeysAsync("openai"), _time, TimeSpan.FromSeconds(1)));

        Assert.Equal(TimeSpan.FromSeconds(10), ex.Timeout);
        Assert.Single(handler.Requests);
        Assert.InRange(_time.GetUtcNow() - TestClients.Start, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task The_call_timeout_also_cuts_a_long_wait_between_attempts()
    {
        // The server asks to come back in 60 s (accepted: MaxRetryAfter is 90 s), but the call has 45 s in all.
        var handler = new RecordingHandler(_time)
            .ThenRespond(HttpStatusCode.ServiceUnavailable, null, r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(60)))
            .ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = Client(handler, o => { o.AttemptTimeout = TimeSpan.FromSeconds(30); o.Timeout = TimeSpan.FromSeconds(45); o.MaxRetryAfter = TimeSpan.FromSeconds(90); });

        var ex = await Assert.ThrowsAsync<BifrostTimeoutException>(() => TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time, TimeSpan.FromSeconds(1)));

        Assert.Equal(TimeSpan.FromSeconds(45), ex.Timeout);
        Assert.Single(handler.Requests);
        Assert.InRange(_time.GetUtcNow() - TestClients.Start, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(55));
    }

    [Fact]
    public async Task Without_retries_the_first_attempt_is_bounded_by_the_shorter_of_the_two_timeouts()
    {
        var hang = new RecordingHandler(_time, async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return null!; });
        using var attemptFirst = Client(hang, o => { o.AttemptTimeout = TimeSpan.FromSeconds(5); o.Timeout = TimeSpan.FromSeconds(60); o.MaxRetries = 0; });

        var ex = await Assert.ThrowsAsync<BifrostTimeoutException>(() => TestClients.DriveAsync(attemptFirst.ListKeysAsync("openai"), _time, TimeSpan.FromSeconds(1)));

        Assert.Equal(TimeSpan.FromSeconds(5), ex.Timeout);
        Assert.Single(hang.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_as_OperationCanceledException_and_stops_retrying()
    {
        var handler = new RecordingHandler(_time, async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return null!; });
        using var client = Client(handler);
        using var cts = new CancellationTokenSource();

        var call = client.GetKeyAsync("openai", "key-1", cts.Token);
        Assert.True(SpinWait.SpinUntil(() => handler.Requests.Count > 0, TimeSpan.FromSeconds(30)));

        await cts.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.IsNotType<BifrostTimeoutException>(ex);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var handler = new RecordingHandler(_time);
        using var client = Client(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListKeysAsync("openai", new CancellationToken(canceled: true)));

        Assert.Empty(handler.Requests);
    }
}
