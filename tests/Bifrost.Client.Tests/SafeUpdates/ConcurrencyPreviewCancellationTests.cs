using System.Text.Json.Nodes;
using Bifrost.Client.Testing;

namespace Bifrost.Client.Tests.SafeUpdates;

/// <summary>Against the emulator: another writer between read and write, the dry run, and cancellation.</summary>
public sealed class ConcurrencyPreviewCancellationTests
{
    private const string Provider = "azure";
    private const string Id = "1d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a";
    private const string Canary = "CANARY-raw-literal-5e1d2c9b7a";

    private static JsonObject Stored() => new()
    {
        ["id"] = Id,
        ["name"] = "azure-entra",
        ["value"] = "",
        ["models"] = new JsonArray("*"),
        ["weight"] = 1,
        ["azure_key_config"] = new JsonObject
        {
            ["endpoint"] = "https://current.azure.example.com",
            ["client_id"] = "azure-client-id-current",
            ["client_secret"] = "azure-client-secret-current",
            ["tenant_id"] = "azure-tenant-id-current",
        },
        ["status"] = "success",
    };

    /// <summary>A harness whose emulator gets a change from "another writer" just before the <paramref name="at"/>-th request.</summary>
    private static SafeUpdateHarness WithConcurrentWriter(ServerGeneration generation, EmulatorWireEra era, int at)
    {
        SafeUpdateHarness? harness = null;
        harness = SafeUpdateHarness.Create(generation, era, wrap: inner => new HookHandler(inner, (_, n) =>
        {
            if (n == at)
            {
                var other = Stored();
                other["azure_key_config"]!["client_secret"] = "rotated-by-another-writer-0042";
                harness!.Emulator.SeedKey(Provider, other);
            }
        }));
        harness.Emulator.SeedKey(Provider, Stored());
        return harness;
    }

    [Theory]
    [MemberData(nameof(SafeUpdateHarness.MatrixRows), MemberType = typeof(SafeUpdateHarness))]
    public async Task A_change_between_the_first_read_and_the_write_is_refused_and_nothing_is_sent(ServerGeneration generation, EmulatorWireEra era)
    {
        await using var h = WithConcurrentWriter(generation, era, at: 2);

        var ex = await Assert.ThrowsAsync<KeyChangedException>(() => h.Client.SetWeightAsync(Provider, Id, 0.5));

        Assert.Equal(Id, ex.KeyId);
        Assert.Equal(["GET", "GET"], h.Emulator.Journal.Entries.Select(e => e.Method));
        var stored = h.Emulator.GetStoredKey(Provider, Id)!;
        Assert.Equal("rotated-by-another-writer-0042", stored["azure_key_config"]!["client_secret"]!.GetValue<string>());
        Assert.Equal(1, SafeUpdateHarness.Number(stored["weight"]));
    }

    [Theory]
    [InlineData(ServerGeneration.B)]
    [InlineData(ServerGeneration.C)]
    public async Task Without_verification_the_write_goes_through(ServerGeneration generation)
    {
        await using var h = WithConcurrentWriter(generation, EmulatorWireEra.SecretVar, at: 2);

        var answer = await h.Client.SetWeightAsync(Provider, Id, 0.5, new UpdateKeyOptions { VerifyUnchanged = false });

        Assert.Equal(0.5, answer.Weight);
        Assert.Equal(["GET", "PUT"], h.Emulator.Journal.Entries.Select(e => e.Method));

        // B and C restore any recognised mask, so the other writer's new secret survives the stale echo.
        var stored = h.Emulator.GetStoredKey(Provider, Id)!;
        Assert.Equal("rotated-by-another-writer-0042", stored["azure_key_config"]!["client_secret"]!.GetValue<string>());
        Assert.Equal(0.5, SafeUpdateHarness.Number(stored["weight"]));
    }

    [Theory]
    [MemberData(nameof(SafeUpdateHarness.MatrixRows), MemberType = typeof(SafeUpdateHarness))]
    public async Task The_dry_run_lists_the_changes_with_secrets_masked_and_only_reads(ServerGeneration generation, EmulatorWireEra era)
    {
        await using var h = SafeUpdateHarness.Create(generation, era);
        h.Emulator.SeedKey(Provider, Stored());
        var before = h.Emulator.GetStoredKey(Provider, Id)!;

        var preview = await h.Client.PreviewUpdateKeyAsync(Provider, Id, KeyEdits.Combine(
            KeyEdits.RotateSecret("azure_key_config.client_secret", SecretValue.Literal(Canary)),
            KeyEdits.SetWeight(0.5),
            KeyEdits.BlockModels("gpt-3.5-turbo")));

        Assert.Equal(["azure_key_config.client_secret", "blacklisted_models", "weight"], preview.Changes.Select(c => c.Path).Order(StringComparer.Ordinal));
        var secret = Assert.Single(preview.Changes, c => c.Path == "azure_key_config.client_secret");
        Assert.Equal(KeyChangeKind.Changed, secret.Kind);
        Assert.Equal("(new secret)", secret.After);
        Assert.Contains("****", secret.Before, StringComparison.Ordinal); // the server's mask, never the raw value
        Assert.DoesNotContain("azure-client-secret-current", secret.Before, StringComparison.Ordinal);
        var weight = Assert.Single(preview.Changes, c => c.Path == "weight");
        Assert.Equal(("1", "0.5"), (weight.Before, weight.After));
        foreach (var change in preview.Changes)
        {
            Assert.DoesNotContain(Canary, change.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Canary, change.Before ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(Canary, change.After ?? "", StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Canary, preview.ToString(), StringComparison.Ordinal);
        Assert.Equal(Canary, preview.Body.Config is AzureKeyConfig azure ? azure.ClientSecret!.Reveal() : null);
        Assert.All(h.Emulator.Journal.Entries, e => Assert.Equal("GET", e.Method));
        Assert.Single(h.Emulator.Journal.Entries);
        Assert.True(JsonNode.DeepEquals(before, h.Emulator.GetStoredKey(Provider, Id)));
    }

    [Fact]
    public async Task A_refused_dry_run_also_only_reads()
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.C, EmulatorWireEra.SecretVar);
        h.Emulator.SeedKey(Provider, Stored());

        var ex = await Assert.ThrowsAsync<UnsafeUpdateException>(() =>
            h.Client.PreviewUpdateKeyAsync(Provider, Id, k => k.Models.Clear()));

        Assert.Equal(UnsafeUpdateReason.ModelsEmptied, ex.Reason);
        Assert.Equal(["GET"], h.Emulator.Journal.Entries.Select(e => e.Method));
    }

    [Fact]
    public async Task A_cancelled_token_surfaces_as_OperationCanceledException_and_nothing_is_requested()
    {
        await using var h = SafeUpdateHarness.Create(ServerGeneration.C, EmulatorWireEra.SecretVar);
        h.Emulator.SeedKey(Provider, Stored());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.SetWeightAsync(Provider, Id, 0.5, cancellationToken: cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.PreviewUpdateKeyAsync(Provider, Id, KeyEdits.Disable(), cancellationToken: cts.Token));

        Assert.Equal(0, h.Puts);
        Assert.Equal(1, SafeUpdateHarness.Number(h.Emulator.GetStoredKey(Provider, Id)!["weight"]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Cancelling_between_the_reads_and_the_write_writes_nothing(int cancelAfterRequest)
    {
        using var cts = new CancellationTokenSource();
        await using var h = SafeUpdateHarness.Create(ServerGeneration.C, EmulatorWireEra.SecretVar, wrap: inner => new CancelAfter(inner, cts, cancelAfterRequest));
        h.Emulator.SeedKey(Provider, Stored());
        var before = h.Emulator.GetStoredKey(Provider, Id)!;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.SetWeightAsync(Provider, Id, 0.5, cancellationToken: cts.Token));

        Assert.Equal(0, h.Puts);
        Assert.True(JsonNode.DeepEquals(before, h.Emulator.GetStoredKey(Provider, Id)));
    }

    [Theory]
    [InlineData("status", "list_models_failed")]
    [InlineData("description", "models refreshed 12:00")]
    public async Task A_re_read_that_differs_only_in_what_the_server_rewrites_on_its_own_is_not_a_conflict(string what, string value)
    {
        // The re-read's bytes differ, so the SDK compares the two reads as keys: status and description (model
        // discovery rewrites them) do not make a change.
        SafeUpdateHarness? harness = null;
        var answers = new List<string>();
        harness = SafeUpdateHarness.Create(ServerGeneration.C, EmulatorWireEra.SecretVar, wrap: inner => new HookHandler(new AnswerRecorder(inner, answers), (_, n) =>
        {
            if (n == 2)
            {
                var same = Stored();
                same[what] = value;

                harness!.Emulator.SeedKey(Provider, same);
            }
        }));
        await using var h = harness;
        h.Emulator.SeedKey(Provider, Stored());

        var answer = await h.Client.SetWeightAsync(Provider, Id, 0.5);

        Assert.Equal(0.5, answer.Weight);
        Assert.Equal(["GET", "GET", "PUT"], h.Emulator.Journal.Entries.Select(e => e.Method));
        Assert.NotEqual(answers[0], answers[1]);
        Assert.Equal("azure-client-secret-current", h.Emulator.GetStoredKey(Provider, Id)!["azure_key_config"]!["client_secret"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_subclass_that_overrides_GetKeyAsync_is_what_the_safe_update_reads()
    {
        await using var emulator = new BifrostEmulator();
        emulator.SeedKey(Provider, Stored());
        using var client = new CountingClient(new BifrostClientOptions { BaseAddress = BifrostEmulator.InMemoryBaseAddress }, emulator.CreateHandler());

        await client.UpdateKeyAsync(Provider, Id, k => k.Weight = 0.5);
        await client.PreviewUpdateKeyAsync(Provider, Id, k => k.Weight = 0.25);

        Assert.Equal(3, client.Reads);
        Assert.Equal(0.5, SafeUpdateHarness.Number(emulator.GetStoredKey(Provider, Id)!["weight"]));
    }

    /// <summary>Keeps the body of every answer (buffered, so the client still reads it).</summary>
    private sealed class AnswerRecorder(HttpMessageHandler inner, List<string> answers) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            answers.Add(await response.Content.ReadAsStringAsync(cancellationToken));
            return response;
        }
    }

    private sealed class CountingClient(BifrostClientOptions options, HttpMessageHandler handler) : BifrostKeysClient(options, handler)
    {
        public int Reads { get; private set; }

        public override Task<ProviderKey> GetKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.GetKeyAsync(provider, keyId, cancellationToken);
        }
    }

    /// <summary>Cancels the caller's token once the n-th answer has arrived, as a user pressing Ctrl+C mid-update would.</summary>
    private sealed class CancelAfter(HttpMessageHandler inner, CancellationTokenSource cts, int n) : DelegatingHandler(inner)
    {
        private int _count;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _count) == n)
            {
                await cts.CancelAsync();
            }

            return response;
        }
    }
}
