using System.Net;
using System.Text.Json.Nodes;
using Bifrost.Client.Testing;
using Bifrost.Client.Tests.Emulator;
using Bifrost.Client.Tests.Http;
using Microsoft.Extensions.Time.Testing;

namespace Bifrost.Client.Tests.Security;

/// <summary>
/// Hostile arguments either fail with an <see cref="ArgumentException"/> before any request, or are escaped so that a
/// real router (the emulator, in memory and behind Kestrel) keeps each one inside its own path segment: they can never
/// reach, change or delete another key. (Per-segment escaping on the wire is covered by PathEscapingTests.)
/// </summary>
public sealed class HostileArgumentTests
{
    private const string KeyJson = """{"id":"k","name":"n","value":"","models":[]}""";

    public static TheoryData<string, Door> HostileSegments()
    {
        var data = new TheoryData<string, Door>();
        foreach (Door door in Enum.GetValues<Door>())
        {
            foreach (string value in new[] { "k1/../k1", "../openai/keys/k1", "k1%2F..", "%2e%2e", "openai/keys/k1", "k1?x=1", "k1#f", "k1 ", "ключ-🔑", "k1\\..\\k1", "\u202Ek1", "k1\uFEFF" })
            {
                data.Add(value, door);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileSegments))]
    public async Task A_hostile_segment_never_reaches_another_key(string value, Door door)
    {
        await using var emulator = new BifrostEmulator();
        emulator.SeedKey("openai", EmulatorHttp.RawKey("k1", "victim", "sk-victim-0123456789abcdef"));
        JsonObject before = emulator.GetStoredKey("openai", "k1")!;
        Uri address = door == Door.Loopback ? await emulator.StartAsync() : new Uri("https://bifrost.test/");
        using HttpMessageHandler primary = door == Door.Loopback ? new SocketsHttpHandler() : emulator.CreateHandler();
        using var client = new BifrostKeysClient(new BifrostClientOptions { BaseAddress = address, MaxRetries = 0 }, primary);

        await AssertRefused(() => client.GetKeyAsync("openai", value));
        await AssertRefused(() => client.GetKeyAsync(value, "k1"));
        await AssertRefused(() => client.ListKeysAsync(value));
        await AssertRefused(() => client.UpdateKeyAsync("openai", value, k => k.Weight = 0));
        await AssertRefused(() => client.UpdateKeyAsync("openai", value, new ProviderKey { Name = "victim", Value = SecretValue.Literal("sk-attacker-000000"), Models = ["*"] }));
        await AssertRefused(() => client.DeleteKeyAsync("openai", value));
        await AssertRefused(() => client.DeleteKeyAsync(value, "k1"));

        EmulatorHttp.AssertJson(before, emulator.GetStoredKey("openai", "k1"), "the victim key changed");
        Assert.All(emulator.Journal.Entries, e => Assert.InRange(e.Path.Split('/').Length, 5, 6));
    }

    [Fact]
    public async Task Oversize_path_arguments_fail_before_any_request()
    {
        var (client, handler) = Recording();
        using (client)
        {
            string huge = new('a', 1024 * 1024);
            await Assert.ThrowsAsync<ArgumentException>(() => client.ListKeysAsync(huge));
            await Assert.ThrowsAsync<ArgumentException>(() => client.GetKeyAsync("openai", huge));
            await Assert.ThrowsAsync<ArgumentException>(() => client.CreateKeyAsync(huge, new ProviderKey { Name = "n" }));
            await Assert.ThrowsAsync<ArgumentException>(() => client.CreateKeyAsync("openai", new ProviderKey { Id = huge, Name = "n" }));
            await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteKeyAsync(huge, "k"));
            await Assert.ThrowsAsync<ArgumentException>(() => client.PreviewUpdateKeyAsync("openai", huge, k => k.Weight = 1));
            var error = await Assert.ThrowsAsync<ArgumentException>(() => client.UpdateKeyAsync(huge, "k", k => k.Weight = 1));
            Assert.Equal("provider", error.ParamName);
            Assert.True(error.Message.Length < 300, "the message echoes the argument");
            Assert.Empty(handler.Requests);
        }
    }

    [Fact]
    public async Task Null_empty_and_invalid_arguments_of_the_safe_update_and_preview_fail_before_any_request()
    {
        var (client, handler) = Recording();
        using (client)
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(() => client.PreviewUpdateKeyAsync(null!, "k", k => k.Weight = 1));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => client.PreviewUpdateKeyAsync("openai", "", k => k.Weight = 1));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => client.PreviewUpdateKeyAsync("openai", "..", k => k.Weight = 1));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => client.PreviewUpdateKeyAsync("openai", "a\u0085b", k => k.Weight = 1));
            await Assert.ThrowsAsync<ArgumentNullException>(() => client.PreviewUpdateKeyAsync("openai", "k", null!));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => client.UpdateKeyAsync(" ", "k", k => k.Weight = 1));
            await Assert.ThrowsAnyAsync<ArgumentException>(() => client.UpdateKeyAsync("openai", "\t", k => k.Weight = 1));
            Assert.Empty(handler.Requests);
        }
    }

    [Fact]
    public async Task A_throwing_edit_or_a_cancelled_token_sends_nothing_but_the_read()
    {
        var (client, handler) = Recording();
        using (client)
        {
            var thrown = await Assert.ThrowsAsync<FormatException>(() => client.UpdateKeyAsync("openai", "k", _ => throw new FormatException("edit failed")));
            Assert.Equal("edit failed", thrown.Message);
            Assert.All(handler.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));

            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            int before = handler.Requests.Count;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.UpdateKeyAsync("openai", "k", k => k.Weight = 1, cancellationToken: cancelled.Token));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DeleteKeyAsync("openai", "k", cancelled.Token));
            Assert.Equal(before, handler.Requests.Count);
        }
    }

    [Theory]
    [InlineData("tok\r\nX-Injected: 1")]
    [InlineData("tok en")]
    [InlineData("tökén")]
    [InlineData("tok-🔑")]
    public async Task A_token_that_cannot_be_a_header_fails_before_any_request(string token)
    {
        var time = new FakeTimeProvider(TestClients.Start);
        var handler = new RecordingHandler(time, (_, _) => Task.FromResult(RecordingHandler.Respond(HttpStatusCode.OK, KeyJson)));

        Exception? error = Record.Exception(() => BifrostCredential.BearerToken(token));
        if (error is null)
        {
            using var client = new BifrostKeysClient(TestClients.Options(time, BifrostCredential.BearerToken(token)), handler);
            error = await Record.ExceptionAsync(() => client.GetKeyAsync("openai", "k"));
        }

        Assert.IsType<ArgumentException>(error, exactMatch: false);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Oversize_bodies_are_sent_escaped_and_read_back()
    {
        await using var emulator = new BifrostEmulator();
        using var client = new BifrostKeysClient(new BifrostClientOptions { BaseAddress = new Uri("https://bifrost.test/"), MaxRetries = 0 }, emulator.CreateHandler());
        string name = "n\u0000\"}\n,\"value\":\"injected\"" + new string('x', 64 * 1024);
        var models = Enumerable.Range(0, 100_000).Select(i => "model-" + i).ToList();

        ProviderKey created = await client.CreateKeyAsync("openai", new ProviderKey { Name = name, Value = SecretValue.Literal("sk-big-0123456789abcdef"), Models = models, Weight = 1 });
        ProviderKey updated = await client.UpdateKeyAsync("openai", created.Id!, k => k.Weight = 0.5);

        JsonObject stored = emulator.GetStoredKey("openai", created.Id!)!;
        Assert.Equal(name, stored["name"]!.GetValue<string>());
        Assert.Equal("sk-big-0123456789abcdef", stored["value"]!.GetValue<string>());
        Assert.Equal(100_000, stored["models"]!.AsArray().Count);
        Assert.Equal(100_000, updated.Models.Count);
        Assert.Equal(0.5, updated.Weight);
    }

    private static (BifrostKeysClient Client, RecordingHandler Handler) Recording()
    {
        var time = new FakeTimeProvider(TestClients.Start);
        var handler = new RecordingHandler(time, (_, _) => Task.FromResult(RecordingHandler.Respond(HttpStatusCode.OK, KeyJson)));
        return (new BifrostKeysClient(TestClients.Options(time), handler), handler);
    }

    private static async Task AssertRefused(Func<Task> call)
    {
        Exception? error = await Record.ExceptionAsync(call);
        Assert.True(
            error is ArgumentException or BifrostNotFoundException or BifrostValidationException,
            $"expected a refusal, got {error?.GetType().Name ?? "success"}: {error?.Message}");
    }
}
