using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Bifrost.Client.Testing;

namespace Bifrost.Client.Tests.Emulator;

/// <summary>The loopback endpoint with a plain HttpClient, shared state between doors, and the request journal.</summary>
public sealed class LoopbackAndJournalTests
{
    [Fact]
    public async Task Loopback_endpoint_serves_a_full_key_lifecycle_to_a_plain_client()
    {
        await using var emulator = new BifrostEmulator();
        Uri address = await emulator.StartAsync();
        using var http = new HttpClient { BaseAddress = address };

        Answer created = await http.PostJsonAsync("api/providers/openai/keys", JsonNode.Parse("""{"name":"main","value":"sk-live-0000000000000001","models":["*"],"weight":1}""")!);
        string id = created.Json!["id"]!.GetValue<string>();
        JsonObject served = (await http.GetJsonAsync($"api/providers/openai/keys/{id}")).Json!.AsObject();
        served["weight"] = 0.5;
        Answer updated = await http.PutJsonAsync($"api/providers/openai/keys/{id}", served);
        Answer list = await http.GetJsonAsync("api/providers/openai/keys");
        Answer deleted = await http.DeleteJsonAsync($"api/providers/openai/keys/{id}");

        Assert.Equal("127.0.0.1", address.Host);
        Assert.True(emulator.IsListening);
        Assert.Equal(address, emulator.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(0.5, updated.Json!["weight"]!.GetValue<double>());
        Assert.Equal(1, list.Json!["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Empty(emulator.GetStoredKeys("openai"));
    }

    [Fact]
    public async Task Both_doors_share_one_store_and_percent_encoding_survives_the_socket()
    {
        await using var emulator = new BifrostEmulator();
        emulator.SeedKey("openai", EmulatorHttp.RawKey("id/with slash", "k", "sk-one-0000000000"));
        Uri address = await emulator.StartAsync();
        using var socket = new HttpClient { BaseAddress = address };
        using HttpClient memory = new(emulator.CreateHandler()) { BaseAddress = emulator.BaseAddress };

        Answer viaSocket = await socket.GetJsonAsync("api/providers/openai/keys/id%2Fwith%20slash");
        Answer viaMemory = await memory.GetJsonAsync("api/providers/openai/keys/id%2Fwith%20slash");

        Assert.Equal(HttpStatusCode.OK, viaSocket.Status);
        Assert.Equal(viaSocket.Text, viaMemory.Text);
        Assert.Equal(["/api/providers/openai/keys/id%2Fwith%20slash", "/api/providers/openai/keys/id%2Fwith%20slash"], emulator.Journal.Entries.Select(e => e.Path));
    }

    [Fact]
    public async Task Stop_closes_the_port_and_keeps_the_keys()
    {
        await using var emulator = new BifrostEmulator();
        emulator.SeedKey("openai", EmulatorHttp.RawKey("k1", "k", "sk-one-0000000000"));
        await emulator.StartAsync();

        await emulator.StopAsync();

        Assert.False(emulator.IsListening);
        Assert.Equal(BifrostEmulator.InMemoryBaseAddress, emulator.BaseAddress);
        Assert.Single(emulator.GetStoredKeys("openai"));
    }

    [Theory]
    [InlineData(Door.InMemory)]
    [InlineData(Door.Loopback)]
    public async Task Journal_records_requests_without_the_authorization_value(Door door)
    {
        await using var emulator = new BifrostEmulator(o =>
        {
            o.Authentication.IsEnabled = true;
            o.Authentication.BearerTokens.Add("bfst-secret-token");
        });
        using HttpClient http = await EmulatorHttp.OpenAsync(emulator, door);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bfst-secret-token");
        http.DefaultRequestHeaders.Add("X-Trace", "t-1");

        await http.PostJsonAsync("api/providers/openai/keys?dry=1", JsonNode.Parse("""{"name":"n","value":"sk-1","models":["*"]}""")!);

        EmulatorJournalEntry entry = Assert.Single(emulator.Journal.Entries);
        Assert.Equal("POST", entry.Method);
        Assert.Equal("/api/providers/openai/keys", entry.Path);
        Assert.Equal("?dry=1", entry.Query);
        Assert.Equal(200, entry.StatusCode);
        Assert.Equal("""{"name":"n","value":"sk-1","models":["*"]}""", entry.Body);
        Assert.Equal("Bearer [redacted]", entry.Headers["authorization"]);
        Assert.Equal("t-1", entry.Headers["X-Trace"]);
        Assert.DoesNotContain(entry.Headers.Values, v => v.Contains("bfst-secret-token", StringComparison.Ordinal));
        Assert.DoesNotContain("sk-1", entry.ToString(), StringComparison.Ordinal);
        Assert.Null(entry.Fault);

        emulator.Journal.Clear();
        Assert.Equal(0, emulator.Journal.Count);
    }

    [Fact]
    public async Task Stored_keys_are_returned_as_copies()
    {
        await using var emulator = new BifrostEmulator();
        JsonObject seeded = emulator.SeedKey("openai", """{"name":"no-id","value":"sk-one-0000000000"}""");
        string id = seeded["id"]!.GetValue<string>();

        JsonObject copy = emulator.GetStoredKey("openai", id)!;
        copy["value"] = "tampered";

        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal("sk-one-0000000000", emulator.GetStoredKey("openai", id)!["value"]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => emulator.SeedKey("not-configured", seeded));
    }
}
