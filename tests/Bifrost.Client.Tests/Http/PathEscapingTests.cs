using System.Net;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bifrost.Client.Tests.Http;

/// <summary>Provider names and key ids stay inside their own path segment, whatever they contain.</summary>
public sealed class PathEscapingTests
{
    private const string KeyJson = """{"id":"k","name":"n","value":"","models":[]}""";

    public static TheoryData<string> Hostile() => new()
    {
        "a/b",
        "../../api/keys",
        "..x",
        "x/..",
        "%2F",
        "100%",
        "a b",
        "ключ-🔑",
        "a?b=c",
        "a#frag",
        "a\\b",
        "a;b",
        "%252e%252e",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Every_value_is_one_escaped_segment_on_the_wire(string value)
    {
        var time = new FakeTimeProvider(TestClients.Start);
        var handler = new RecordingHandler(time, (_, _) => Task.FromResult(RecordingHandler.Respond(HttpStatusCode.OK, KeyJson)));
        using var client = new BifrostKeysClient(TestClients.Options(time), handler);

        await client.GetKeyAsync(value, value);

        var uri = Assert.Single(handler.Requests).Uri;
        var segments = uri.AbsolutePath.Split('/');
        Assert.Equal(["", "api", "providers", segments[3], "keys", segments[5]], segments);
        Assert.Equal(value, Uri.UnescapeDataString(segments[3]));
        Assert.Equal(value, Uri.UnescapeDataString(segments[5]));
        Assert.Equal(Uri.EscapeDataString(value), segments[3]);
        Assert.Equal(string.Empty, uri.Query);
        Assert.Equal(string.Empty, uri.Fragment);
    }

    [Fact]
    public async Task A_slash_and_dots_reach_a_real_server_inside_the_segment()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(KeyJson));
        using var client = new BifrostKeysClient(new BifrostClientOptions { BaseAddress = new Uri(server.Url!), MaxRetries = 0 });

        await client.GetKeyAsync("open ai", "../../keys/x%2Fy");

        var entry = Assert.Single(server.LogEntries);
        // The server decodes %20 but keeps %2F, so the key id stays one segment and no dot segment was resolved.
        var path = entry.RequestMessage.AbsoluteUrl[server.Url!.Length..];
        Assert.StartsWith("/api/providers/open ai/keys/", path);
        var keySegment = path["/api/providers/open ai/keys/".Length..];
        Assert.DoesNotContain('/', keySegment);
        Assert.StartsWith("..%2F..%2Fkeys%2Fx", keySegment);
    }

    public static TheoryData<string?> Invalid() => new() { null, "", " ", "\t", ".", "..", "a\nb", "a\rb", "a\u0000b", "a\u007fb" };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_values_fail_before_any_request(string? value)
    {
        var time = new FakeTimeProvider(TestClients.Start);
        var handler = new RecordingHandler(time, (_, _) => Task.FromResult(RecordingHandler.Respond(HttpStatusCode.OK, KeyJson)));
        using var client = new BifrostKeysClient(TestClients.Options(time), handler);
        var key = new ProviderKey { Name = "n" };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.ListKeysAsync(value!));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CreateKeyAsync(value!, key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetKeyAsync(value!, "id"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetKeyAsync("openai", value!));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.UpdateKeyAsync("openai", value!, key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.UpdateKeyAsync(value!, "id", key));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.DeleteKeyAsync("openai", value!));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.DeleteKeyAsync(value!, "id"));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_create_with_an_invalid_id_or_an_update_whose_body_id_differs_fails_before_any_request()
    {
        var time = new FakeTimeProvider(TestClients.Start);
        var handler = new RecordingHandler(time);
        using var client = new BifrostKeysClient(TestClients.Options(time), handler);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CreateKeyAsync("openai", new ProviderKey { Id = "..", Name = "n" }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.UpdateKeyAsync("openai", "id-1", new ProviderKey { Id = "id-2", Name = "n" }));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => client.CreateKeyAsync("openai", null!));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => client.UpdateKeyAsync("openai", "id", (ProviderKey)null!));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => client.UpdateKeyAsync("openai", "id", (Action<ProviderKey>)null!));
        Assert.Empty(handler.Requests);
    }
}
