using System.Net;
using System.Text;
using Bifrost.Client.Tests.Http;
using Microsoft.Extensions.Time.Testing;

namespace Bifrost.Client.Tests.Reliability;

/// <summary>
/// A server (or a proxy in front of it) that answers badly: malformed JSON, HTML pages, empty bodies, huge bodies,
/// wrong types, nulls, unknown values and members. Every operation either reads the answer tolerantly or fails with a
/// <see cref="BifrostException"/> (a <see cref="BifrostApiException"/> for error statuses); never a
/// NullReferenceException, a raw JsonException or an InvalidOperationException.
/// </summary>
public sealed class HostileAnswerTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    public static TheoryData<string, int, string, string> Answers() => new()
    {
        { "malformed json", 200, "application/json", """{"id":"k","name":""" },
        { "html page 200", 200, "text/html", "<html><body>Welcome to the captive portal</body></html>" },
        { "html page 502", 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>" },
        { "empty 200", 200, "application/json", "" },
        { "json null", 200, "application/json", "null" },
        { "json array", 200, "application/json", "[1,2,3]" },
        { "json string", 200, "application/json", "\"ok\"" },
        { "wrong types", 200, "application/json", """{"id":5,"name":["n"],"value":true,"models":"*","weight":"heavy","enabled":"yes","keys":7,"total":"many"}""" },
        { "nulls", 200, "application/json", """{"id":null,"name":null,"value":null,"models":null,"blacklisted_models":null,"weight":null,"aliases":null,"azure_key_config":null,"keys":null,"total":null,"enabled":null,"status":null}""" },
        { "null elements", 200, "application/json", """{"id":"k","name":"n","models":[null],"keys":[null],"aliases":{"a":null}}""" },
        { "unknown values", 200, "application/json", """{"id":"k","name":"n","value":{"value":"x","type":"weird","ref":7},"models":["*"],"status":"weird","keys":[],"total":0}""" },
        { "unknown members", 200, "application/json", """{"id":"k","name":"n","value":"sk-p************************9xQA","models":["*"],"weight":1,"future_block":{"a":[1,{"b":null}]},"x-extra":true,"keys":[],"total":0}""" },
        { "error body of wrong shape", 500, "application/json", """{"error":"boom","status_code":"five hundred","extra_fields":[]}""" },
        { "error json null", 404, "application/json", "null" },
        { "error empty", 409, "application/json", "" },
        { "error 10 MB", 500, "application/json", "{\"error\":{\"message\":\"" + new string('x', TenMegabytes) + "\"}}" },
        { "success 10 MB garbage", 200, "application/json", "{\"id\":\"" + new string('y', TenMegabytes) },
        { "success 100k models", 200, "application/json", HugeKey(100_000) },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_operation_reads_tolerantly_or_fails_typed(string name, int status, string contentType, string body)
    {
        var time = new FakeTimeProvider(TestClients.Start);
        var handler = new RecordingHandler(time, (_, _) => Task.FromResult(new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        }));
        using var client = new BifrostKeysClient(TestClients.Options(time, configure: o => o.MaxRetries = 0), handler);
        var key = new ProviderKey { Id = "k", Name = "n", Value = SecretValue.Literal("sk-new-0123456789"), Models = ["*"], Weight = 1 };

        var outcomes = new List<(string Operation, object? Result, Exception? Error)>();
        async Task Try(string operation, Func<Task<object?>> call)
        {
            try
            {
                outcomes.Add((operation, await call(), null));
            }
            catch (Exception ex)
            {
                outcomes.Add((operation, null, ex));
            }
        }

        await Try("get", async () => await client.GetKeyAsync("openai", "k"));
        await Try("list", async () => await client.ListKeysAsync("openai"));
        await Try("list all", async () => await client.ListAllKeysAsync());
        await Try("create", async () => await client.CreateKeyAsync("openai", key));
        await Try("update", async () => await client.UpdateKeyAsync("openai", "k", key));
        await Try("safe update", async () => await client.UpdateKeyAsync("openai", "k", k => k.Weight = 0.5));
        await Try("preview", async () => await client.PreviewUpdateKeyAsync("openai", "k", k => k.Weight = 0.5));
        await Try("delete", async () => await client.DeleteKeyAsync("openai", "k"));

        foreach (var (operation, result, error) in outcomes)
        {
            if (error is not null)
            {
                Assert.True(error is BifrostException, $"{name}: {operation} failed with an untyped {error.GetType().FullName}: {error.Message}");
                Assert.True(status < 400 || error is BifrostApiException, $"{name}: {operation} turned an error status into {error.GetType().Name}");
                Assert.True(error.Message.Length < 1000, $"{name}: {operation}: a {error.Message.Length}-character message");
                if (error is BifrostApiException api)
                {
                    Assert.Equal(status, (int)api.StatusCode);
                    Assert.True(api.ResponseBody is null || api.ResponseBody.Length <= BifrostApiException.MaxResponseBodyLength);
                }

                _ = error.ToString();
            }
            else
            {
                // A tolerant read: the result is usable.
                Assert.True(status < 400, $"{name}: {operation} succeeded on status {status}");
                Assert.True(result is not null, $"{name}: {operation} returned null");
                Touch(result);
            }
        }
    }

    [Fact]
    public async Task A_10_MB_error_body_is_read_only_up_to_the_cap()
    {
        var time = new FakeTimeProvider(TestClients.Start);
        var content = new CountingContent(TenMegabytes);
        var handler = new RecordingHandler(time).ThenRespond(HttpStatusCode.InternalServerError, null, r => r.Content = content);
        using var client = new BifrostKeysClient(TestClients.Options(time, configure: o => o.MaxRetries = 0), handler);

        var error = await Assert.ThrowsAsync<BifrostApiException>(() => client.GetKeyAsync("openai", "k"));

        Assert.Equal(BifrostApiException.MaxResponseBodyLength, error.ResponseBody!.Length);
        Assert.True(content.BytesRead <= 128 * 1024, $"{content.BytesRead} bytes of the error body were read");
    }

    [Fact]
    public async Task A_success_body_cut_off_mid_way_fails_typed_on_every_read_path()
    {
        // The connection drops after the headers and part of the body: typed reads, the safe update's raw read and the
        // preview all report a BifrostException that says the answer could not be read, never a bare IOException.
        var time = new FakeTimeProvider(TestClients.Start);
        var handler = new RecordingHandler(time, (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new CutOffContent("""{"id":"k","name":"n","value":"sk-p************************9xQA","models":["""),
        }));
        using var client = new BifrostKeysClient(TestClients.Options(time, configure: o => o.MaxRetries = 0), handler);

        var failures = new[]
        {
            await Assert.ThrowsAsync<BifrostException>(() => client.GetKeyAsync("openai", "k")),
            await Assert.ThrowsAsync<BifrostException>(() => client.ListKeysAsync("openai")),
            await Assert.ThrowsAsync<BifrostException>(() => client.UpdateKeyAsync("openai", "k", k => k.Weight = 0.5)),
            await Assert.ThrowsAsync<BifrostException>(() => client.PreviewUpdateKeyAsync("openai", "k", k => k.Weight = 0.5)),
        };

        Assert.All(failures, f => Assert.Contains("could not be read", f.Message, StringComparison.Ordinal));
        Assert.All(failures, f => Assert.IsType<IOException>(f.InnerException as IOException ?? f.InnerException?.InnerException));
        Assert.DoesNotContain(handler.Requests, r => r.Method == HttpMethod.Put);
    }

    [Theory]
    [InlineData("""{"id":"k","name":""", "Bifrost answered 200, but the response to GET /api/providers/openai/keys/k could not be read: ")]
    [InlineData("", "Bifrost answered GET /api/providers/openai/keys/k with an empty body or JSON null where a value was expected.")]
    [InlineData(" null ", "Bifrost answered GET /api/providers/openai/keys/k with an empty body or JSON null where a value was expected.")]
    public async Task The_safe_updates_raw_read_names_the_request_and_the_fault(string body, string message)
    {
        var time = new FakeTimeProvider(TestClients.Start);
        var handler = new RecordingHandler(time).ThenRespond(HttpStatusCode.OK, body).ThenRespond(HttpStatusCode.OK, body);
        using var client = new BifrostKeysClient(TestClients.Options(time, configure: o => o.MaxRetries = 0), handler);

        var update = await Assert.ThrowsAsync<BifrostException>(() => client.UpdateKeyAsync("openai", "k", k => k.Weight = 0.5));
        var preview = await Assert.ThrowsAsync<BifrostException>(() => client.PreviewUpdateKeyAsync("openai", "k", k => k.Weight = 0.5));

        Assert.StartsWith(message, update.Message, StringComparison.Ordinal);
        Assert.StartsWith(message, preview.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_while_the_body_is_read_surfaces_as_cancellation_not_as_an_unreadable_answer()
    {
        var time = new FakeTimeProvider(TestClients.Start);
        using var cts = new CancellationTokenSource();
        var handler = new RecordingHandler(time, (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StalledContent(cts),
        }));
        using var client = new BifrostKeysClient(TestClients.Options(time, configure: o => o.MaxRetries = 0), handler);

        var typed = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetKeyAsync("openai", "k", cts.Token));

        Assert.IsNotType<BifrostTimeoutException>(typed);
    }

    /// <summary>Content whose stream cancels the caller's token on the first read, then waits for that token.</summary>
    private sealed class StalledContent(CancellationTokenSource cts) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => Task.CompletedTask;

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new StalledStream(cts));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class StalledStream(CancellationTokenSource cts) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Content whose stream yields some bytes, then fails as a dropped connection does.</summary>
    private sealed class CutOffContent(string prefix) : HttpContent
    {
        private readonly byte[] _prefix = Encoding.UTF8.GetBytes(prefix);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            throw new IOException("The response ended prematurely.");

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new CutOffStream(_prefix));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class CutOffStream(byte[] prefix) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= prefix.Length)
            {
                throw new IOException("The response ended prematurely.");
            }

            var n = Math.Min(count, prefix.Length - _position);
            Array.Copy(prefix, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static void Touch(object? result)
    {
        switch (result)
        {
            case ProviderKey k:
                _ = k.ToString();
                _ = k.Models.Count + k.BlacklistedModels.Count + k.Aliases.Count + k.AdditionalProperties.Count;
                _ = k.Value?.ToString();
                _ = k.Clone();
                break;
            case ProviderKeyList list:
                Assert.NotNull(list.Keys);
                Assert.All(list.Keys, k => Assert.NotNull(k));
                foreach (ProviderKey k in list.Keys)
                {
                    Touch(k);
                }

                break;
            case IReadOnlyList<KeySummary> rows:
                Assert.All(rows, r => Assert.NotNull(r));
                foreach (KeySummary row in rows)
                {
                    _ = row.ToString();
                }

                break;
            case KeyUpdatePreview preview:
                _ = preview.ToString();
                break;
        }
    }

    private static string HugeKey(int models)
    {
        var text = new StringBuilder("{\"id\":\"k\",\"name\":\"n\",\"value\":\"\",\"weight\":1,\"keys\":[],\"total\":0,\"models\":[");
        for (int i = 0; i < models; i++)
        {
            text.Append(i == 0 ? "" : ",").Append("\"model-").Append(i).Append('"');
        }

        return text.Append("]}").ToString();
    }

    /// <summary>A large body that counts how much of it was read.</summary>
    private sealed class CountingContent(int length) : HttpContent
    {
        private CountingStream? _stream;

        public long BytesRead => _stream?.BytesRead ?? 0;

        protected override Task<Stream> CreateContentReadStreamAsync()
        {
            var bytes = new byte[length];
            Array.Fill(bytes, (byte)'z');
            _stream = new CountingStream(bytes);
            return Task.FromResult<Stream>(_stream);
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            throw new InvalidOperationException("read as a stream only");

        protected override bool TryComputeLength(out long length2)
        {
            length2 = length;
            return true;
        }
    }

    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Count(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(base.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await base.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await base.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
