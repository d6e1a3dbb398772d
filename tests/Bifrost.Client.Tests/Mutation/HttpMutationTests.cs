using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bifrost.Client.Http;
using Bifrost.Client.Tests.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace Bifrost.Client.Tests.Mutation;

/// <summary>Kills mutants of the transport (Http/, Errors/) that the behaviour tests left alive (docs/mutation-testing.md).</summary>
public sealed partial class HttpMutationTests : IDisposable
{
    private const string KeyJson = """{"id":"key-1","name":"primary","models":["*"]}""";
    private readonly FakeTimeProvider _time = new(TestClients.Start);
    private readonly FakeLogCollector _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public HttpMutationTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
    }

    public void Dispose() => _loggerFactory.Dispose();

    // ---- error messages -------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_error_without_a_body_says_only_the_status()
    {
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.InternalServerError);
        using var client = Client(handler, o => o.MaxRetries = 0);

        var ex = await Assert.ThrowsAsync<BifrostApiException>(() => client.GetKeyAsync("openai", "key-1"));

        Assert.Equal("Bifrost answered 500 (InternalServerError).", ex.Message);
    }

    [Fact]
    public async Task A_non_JSON_body_of_200_characters_is_quoted_whole()
    {
        var text = new string('x', 200);
        var handler = new RecordingHandler(_time).Then((_, _) => Task.FromResult(Text(HttpStatusCode.BadRequest, text)));
        using var client = Client(handler);

        var ex = await Assert.ThrowsAsync<BifrostValidationException>(() => client.GetKeyAsync("openai", "key-1"));

        Assert.Equal("Bifrost answered 400 (BadRequest): " + text, ex.Message);
    }

    [Fact]
    public async Task A_longer_non_JSON_body_is_cut_at_200_characters_with_an_ellipsis()
    {
        var text = new string('x', 200) + "TAIL";
        var handler = new RecordingHandler(_time).Then((_, _) => Task.FromResult(Text(HttpStatusCode.BadRequest, text)));
        using var client = Client(handler);

        var ex = await Assert.ThrowsAsync<BifrostValidationException>(() => client.GetKeyAsync("openai", "key-1"));

        Assert.Equal("Bifrost answered 400 (BadRequest): " + new string('x', 200) + "\u2026", ex.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, typeof(BifrostValidationException))]
    [InlineData(HttpStatusCode.NotFound, typeof(BifrostNotFoundException))]
    [InlineData(HttpStatusCode.Unauthorized, typeof(BifrostAuthenticationException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(BifrostAuthenticationException))]
    [InlineData(HttpStatusCode.UnprocessableEntity, typeof(BifrostApiException))]
    public async Task The_exception_records_how_many_attempts_the_call_made(HttpStatusCode final, Type type)
    {
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.ServiceUnavailable).ThenRespond(final);
        using var client = Client(handler);

        var ex = await Assert.ThrowsAnyAsync<BifrostApiException>(() => TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time));

        Assert.IsType(type, ex);
        Assert.Equal(2, ex.Attempts);
    }

    [Fact]
    public async Task A_refused_virtual_key_gets_the_advice_after_the_server_message()
    {
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.Unauthorized, """{"error":{"message":"Unauthorized"}}""");
        using var client = Client(handler, o => o.Credential = BifrostCredential.VirtualKey("sk-bf-abc"));

        var ex = await Assert.ThrowsAsync<BifrostAuthenticationException>(() => TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time));

        Assert.True(ex.IsVirtualKeyRejected);
        Assert.StartsWith("Bifrost answered 401 (Unauthorized): Unauthorized The server refused the virtual key (sk-bf-", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task A_refused_virtual_key_after_a_retry_records_both_attempts()
    {
        var handler = new RecordingHandler(_time).ThenRespond(HttpStatusCode.ServiceUnavailable).ThenRespond(HttpStatusCode.Unauthorized);
        using var client = Client(handler, o => o.Credential = BifrostCredential.VirtualKey("sk-bf-abc"));

        var ex = await Assert.ThrowsAsync<BifrostAuthenticationException>(() => TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time));

        Assert.True(ex.IsVirtualKeyRejected);
        Assert.Equal(2, ex.Attempts);
    }

    // The credential is re-read for every attempt; a rotation away from a virtual key must not leave the flag behind.
    [Fact]
    public async Task A_401_to_the_next_credential_after_a_virtual_key_attempt_is_not_blamed_on_the_virtual_key()
    {
        var options = TestClients.Options(_time, BifrostCredential.VirtualKey("sk-bf-abc"));
        var handler = new RecordingHandler(_time)
            .Then((_, _) =>
            {
                options.Credential = BifrostCredential.BearerToken("mgmt-token-2");
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
            })
            .ThenRespond(HttpStatusCode.Unauthorized, """{"error":{"message":"Unauthorized"}}""");
        using var client = new BifrostKeysClient(options, handler);

        var ex = await Assert.ThrowsAsync<BifrostAuthenticationException>(() => TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time));

        Assert.Equal(["Bearer sk-bf-abc", "Bearer mgmt-token-2"], handler.Requests.Select(r => r.Authorization));
        Assert.False(ex.IsVirtualKeyRejected);
        Assert.Equal("Bifrost answered 401 (Unauthorized): Unauthorized", ex.Message);
    }

    [Fact]
    public async Task A_success_body_that_cannot_be_read_names_the_request()
    {
        var handler = new RecordingHandler(_time).Then((_, _) => Task.FromResult(Text(HttpStatusCode.OK, "<html>login</html>")));
        using var client = Client(handler);

        var ex = await Assert.ThrowsAsync<BifrostException>(() => client.GetKeyAsync("openai", "key-1"));

        Assert.StartsWith("Bifrost answered 200, but the response to GET /api/providers/openai/keys/key-1 could not be read: ", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task A_response_without_a_request_is_described_generically()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);

        var ex = await ApiExceptionFactory.CreateDeserializationAsync(response, new JsonException("bad"));

        Assert.Equal("Bifrost answered 200, but the response could not be read: bad", ex!.Message);
    }

    [Theory]
    [InlineData("a\u0001b", "The value must not contain control characters.")]
    [InlineData("..", "The value must not be '.' or '..'.")]
    public void Path_segment_refusals_say_why(string value, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => PathSegment.Validate(value, "keyId"));

        Assert.Equal("keyId", ex.ParamName);
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    // ---- logging --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_failed_attempt_and_its_retry_are_logged_with_status_0()
    {
        var handler = new RecordingHandler(_time).ThenThrow(new HttpRequestException("refused")).ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = Client(handler);

        await TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time);

        var records = _logs.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Debug
            && r.Message.StartsWith("GET /api/providers/openai/keys/key-1 failed on attempt 1 after ", StringComparison.Ordinal)
            && r.Message.EndsWith(" ms: HttpRequestException", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message.Contains("will be retried after attempt 1 (status 0)", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level == LogLevel.Debug && r.Message.Contains("answered 200 on attempt 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attempt_durations_are_measured_on_the_configured_clock()
    {
        var handler = new RecordingHandler(_time).Then((_, _) =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(1234));
            return Task.FromResult(RecordingHandler.Respond(HttpStatusCode.OK, KeyJson));
        });
        using var client = Client(handler);

        await client.GetKeyAsync("openai", "key-1");

        Assert.Contains(_logs.GetSnapshot(), r => r.Message == "GET /api/providers/openai/keys/key-1 answered 200 on attempt 1 after 1234 ms");
    }

    [Fact]
    public async Task A_timeout_is_logged_and_its_message_names_request_limit_and_attempts()
    {
        var handler = new RecordingHandler(_time, async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return null!; });
        using var client = Client(handler, o => { o.MaxRetries = 0; o.AttemptTimeout = TimeSpan.FromSeconds(2); });

        var ex = await Assert.ThrowsAsync<BifrostTimeoutException>(() => TestClients.DriveAsync(client.ListKeysAsync("openai"), _time));

        Assert.Equal("GET /api/providers/openai/keys timed out after 2 s (1 attempt(s)).", ex.Message);
        Assert.Contains(_logs.GetSnapshot(), r => r.Level == LogLevel.Warning
            && r.Message.StartsWith("GET /api/providers/openai/keys timed out after 1 attempt(s) and ", StringComparison.Ordinal));
    }

    // ---- what is retried ------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_body_that_can_be_read_once_is_sent_whole_on_every_attempt()
    {
        var bodies = new List<string>();
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        using var http = RawClient(new CopyingHandler(bodies, answers));
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/providers/openai/keys/key-1")
        {
            Content = new StreamContent(new ReadOnceStream(Encoding.UTF8.GetBytes(KeyJson))),
        };

        using var response = await TestClients.DriveAsync(http.SendAsync(request), _time);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([KeyJson, KeyJson], bodies);
    }

    [Theory]
    [InlineData("PATCH", """{"id":"key-1"}""")]
    [InlineData("PATCH", null)]
    [InlineData("POST", null)]
    [InlineData("POST", "not json")]
    [InlineData("POST", """{"id":"  "}""")]
    public async Task Only_idempotent_requests_and_creates_with_an_id_are_retried(string method, string? body)
    {
        var handler = new RecordingHandler(_time, (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        using var http = RawClient(handler);
        using var request = new HttpRequestMessage(new HttpMethod(method), "api/providers/openai/keys")
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };

        using var response = await TestClients.DriveAsync(http.SendAsync(request), _time);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_Retry_After_equal_to_the_cap_is_honoured()
    {
        var handler = new RecordingHandler(_time)
            .ThenRespond(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))
            .ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = Client(handler, o => o.MaxRetryAfter = TimeSpan.FromSeconds(7));

        var key = await TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time);

        Assert.Equal("key-1", key.Id);
        Assert.Equal(2, handler.Requests.Count);
        Assert.True(handler.Requests[1].At - handler.Requests[0].At >= TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task New_options_rebuild_the_pipeline()
    {
        var options = TestClients.Options(_time, configure: o => o.MaxRetries = 0);
        var handler = new RecordingHandler(_time, (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        using var http = new HttpClient(BifrostHttp.CreateHandlerChain(() => options, handler, null)) { BaseAddress = options.BaseAddress };

        using (var first = await TestClients.DriveAsync(http.GetAsync("api/keys"), _time))
        {
            Assert.Single(handler.Requests);
        }

        options = TestClients.Options(_time, configure: o => o.MaxRetries = 2);
        using (var second = await TestClients.DriveAsync(http.GetAsync("api/keys"), _time))
        {
            Assert.Equal(1 + 3, handler.Requests.Count);
        }
    }

    [Fact]
    public async Task Retry_delays_are_jittered()
    {
        var handler = new RecordingHandler(_time, (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        using var client = Client(handler, o => { o.MaxRetries = 4; o.RetryBaseDelay = TimeSpan.FromSeconds(1); });

        await Assert.ThrowsAsync<BifrostApiException>(() => TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time));

        var delays = _logs.GetSnapshot()
            .Select(r => RetryDelay().Match(r.Message))
            .Where(m => m.Success)
            .Select(m => double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(4, delays.Count);
        Assert.NotEqual(new[] { 1000d, 2000d, 4000d, 8000d }, delays);
    }

    [Fact]
    public async Task A_response_that_is_retried_is_disposed()
    {
        var content = new TrackingContent();
        var handler = new RecordingHandler(_time)
            .Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = content }))
            .ThenRespond(HttpStatusCode.OK, KeyJson);
        using var client = Client(handler);

        await TestClients.DriveAsync(client.GetKeyAsync("openai", "key-1"), _time);

        Assert.True(content.IsDisposed);
    }

    [Fact]
    public async Task A_pipeline_call_not_marked_retryable_is_not_retried()
    {
        var pipeline = ResiliencePipelineFactory.Create(TestClients.Options(_time), NullLogger.Instance).Retries!;
        var calls = 0;

        using var response = await pipeline.ExecuteAsync(_ =>
        {
            calls++;
            return new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        });

        Assert.Equal(1, calls);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    // ---- small helpers ---------------------------------------------------------------------------------------------

    [Fact]
    public void The_logged_path_of_a_relative_or_missing_uri_is_its_text()
    {
        using var relative = new HttpRequestMessage(HttpMethod.Get, new Uri("api/keys", UriKind.Relative));
        using var none = new HttpRequestMessage(HttpMethod.Get, (Uri?)null);

        Assert.Equal("api/keys", ResiliencePipelineFactory.PathOf(relative));
        Assert.Equal(string.Empty, ResiliencePipelineFactory.PathOf(none));
    }

    [Fact]
    public void Retry_After_in_the_past_or_negative_means_no_wait()
    {
        var now = TestClients.Start;
        using var negative = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        negative.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(-5));
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(-30));
        using var future = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        future.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(30));

        Assert.Equal(TimeSpan.Zero, RetryAfter.Get(negative, now));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Get(past, now));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.Get(future, now));
    }

    private BifrostKeysClient Client(HttpMessageHandler handler, Action<BifrostClientOptions>? configure = null) =>
        new(TestClients.Options(_time, configure: configure), handler, _loggerFactory);

    private HttpClient RawClient(HttpMessageHandler primary)
    {
        var options = TestClients.Options(_time);
        return new HttpClient(BifrostHttp.CreateHandlerChain(() => options, primary, _loggerFactory)) { BaseAddress = options.BaseAddress };
    }

    private static HttpResponseMessage Text(HttpStatusCode status, string text) =>
        new(status) { Content = new StringContent(text, Encoding.UTF8, "text/plain") };

    [GeneratedRegex(@"will be retried after attempt \d+ \(status 503\) in (?<ms>[0-9.]+) ms")]
    private static partial Regex RetryDelay();

    /// <summary>Sends by copying the content the way a socket handler does (no buffering of its own).</summary>
    private sealed class CopyingHandler(List<string> bodies, Queue<HttpStatusCode> answers) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var sink = new MemoryStream();
            await request.Content!.CopyToAsync(sink, cancellationToken);
            bodies.Add(Encoding.UTF8.GetString(sink.ToArray()));
            return new HttpResponseMessage(answers.Dequeue()) { RequestMessage = request };
        }
    }

    /// <summary>A stream that can be read once, like a network or file stream that is not seekable.</summary>
    private sealed class ReadOnceStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }

    private sealed class TrackingContent : StringContent
    {
        public TrackingContent()
            : base("busy")
        {
        }

        public bool IsDisposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }
}
