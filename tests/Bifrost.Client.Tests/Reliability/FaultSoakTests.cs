using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bifrost.Client.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Bifrost.Client.Tests.Reliability;

/// <summary>
/// A seeded soak of mixed operations (reads, safe updates, creates, deletes) against the emulator with about 30% of
/// HTTP attempts faulted (503, 429 with Retry-After, slow answers past the attempt timeout, connections dropped
/// before or after the server processed the request). Most operations go through the in-memory handler, a share
/// through the Kestrel loopback door, both on the same emulator. Time is fake: only injected slow answers move it.
/// </summary>
/// <remarks>
/// Checks: every operation succeeds or fails with a typed exception (a <see cref="BifrostException"/> or an
/// <see cref="HttpRequestException"/>) within its deadline; no stored secret is ever replaced by anything (a mask
/// included); no key name exists twice and no create landed twice; every acknowledged update is what is stored (an
/// update that failed after its PUT may have landed leaves both candidates open); no log record holds a secret.
/// </remarks>
public sealed partial class FaultSoakTests
{
    private const int OperationCount = 1200;
    private const double LoopbackShare = 0.15;
    private const double FaultRate = 0.30;
    private const string Token = "bfst-soak-token-7f3c9a1e5b2d4c6e8a0b";

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;

    public FaultSoakTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(ServerGeneration.A, 20260101)]
    [InlineData(ServerGeneration.C, 20260102)]
    public async Task Mixed_operations_under_faults_keep_every_secret_and_lose_no_update(ServerGeneration generation, int seed)
    {
        var wall = Stopwatch.StartNew();
        var figures = new SoakFigures();
        var ops = new Random(seed);
        var faults = new Random(seed ^ 0x5eed);
        var clientTime = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));

        var secrets = new SoakSecrets(seed);
        await using var emulator = new BifrostEmulator(o =>
        {
            o.Generation = generation;
            o.WireEra = generation == ServerGeneration.A ? EmulatorWireEra.EnvVar : EmulatorWireEra.SecretVar;
            o.Authentication.IsEnabled = true;
            o.Authentication.BearerTokens.Add(Token);
            o.EnvironmentVariables["SOAK_OPENAI_KEY"] = secrets.New("env-resolved");
        });
        var state = new SoakState();
        foreach (var (provider, raw) in SeedKeys(secrets, generation))
        {
            emulator.SeedKey(provider, raw);
            state.Live.Add(TrackedKey.FromRaw(provider, raw, seeded: true));
        }

        Uri loopback = await emulator.StartAsync();
        var inMemoryHandler = new FaultInjectingHandler(emulator.CreateHandler(), emulator, faults, clientTime, AttemptTimeout, FaultRate, figures);
        var loopbackHandler = new FaultInjectingHandler(new SocketsHttpHandler(), emulator, faults, clientTime, AttemptTimeout, FaultRate, figures);
        using (inMemoryHandler)
        using (loopbackHandler)
        using (var inMemory = new BifrostKeysClient(Options(new Uri("https://bifrost.test/"), clientTime), inMemoryHandler, loggerFactory))
        using (var overLoopback = new BifrostKeysClient(Options(loopback, clientTime), loopbackHandler, loggerFactory))
        {
            DateTimeOffset soakStart = clientTime.GetUtcNow();
            for (int i = 0; i < OperationCount; i++)
            {
                bool useLoopback = ops.NextDouble() < LoopbackShare;
                IBifrostKeysClient client = useLoopback ? overLoopback : inMemory;
                if (useLoopback)
                {
                    figures.LoopbackOperations++;
                }
                else
                {
                    figures.InMemoryOperations++;
                }

                var op = NextOperation(i, ops, state, secrets);
                figures.Operation(op.Kind);
                figures.Operations++;
                DateTimeOffset start = clientTime.GetUtcNow();
                Exception? failure = null;
                Task run = op.Run(client);
                try
                {
                    await run.WaitAsync(HangGuard);
                    figures.Succeeded++;
                }
                catch (TimeoutException) when (!run.IsCompleted)
                {
                    Assert.Fail($"operation {i} ({op.Kind}) did not finish: it hung");
                }
                catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                {
                    failure = ex;
                    Assert.True(
                        ex is BifrostException or HttpRequestException,
                        $"operation {i} ({op.Kind}) failed with an untyped {ex.GetType().FullName}");
                    figures.Failed(ex);
                }

                TimeSpan elapsed = clientTime.GetUtcNow() - start;
                Assert.True(elapsed <= CallTimeout * op.Calls, $"operation {i} ({op.Kind}) took {elapsed} of fake time, over its deadline {CallTimeout * op.Calls}");
                op.Settle(failure, figures);
                foreach (TrackedKey touched in op.Touched)
                {
                    AssertSecretsKept(emulator, touched, $"after operation {i} ({op.Kind})");
                }
            }

            figures.FakeTimeElapsed = clientTime.GetUtcNow() - soakStart;
        }

        await emulator.StopAsync();
        figures.Retries = logs.Collector.GetSnapshot().Count(r => r.Id.Id == 3 && r.Category == "Bifrost.Client");
        figures.WallClock = wall.Elapsed;

        figures.CreatesResolvedAfterLostAnswer = CountCreatesResolvedByReadBack(emulator, state);
        AssertFinalState(emulator, state);
        AssertNoCreateLandedTwice(emulator);
        AssertLogsHoldNoSecret(logs, secrets);
        AssertMix(figures);

        string report = figures.Render($"generation {generation}, seed {seed}");
        _output.WriteLine(report);
        string directory = Path.Combine(AppContext.BaseDirectory, "reliability");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, $"soak-generation-{generation}.txt"), report);
        Assert.DoesNotContain(secrets.All, s => report.Contains(s, StringComparison.Ordinal));
    }

    private static BifrostClientOptions Options(Uri baseAddress, FakeTimeProvider time) => new()
    {
        BaseAddress = baseAddress,
        Credential = BifrostCredential.BearerToken(Token),
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.Zero,
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryAfter = TimeSpan.FromSeconds(60),
        AttemptTimeout = AttemptTimeout,
        Timeout = CallTimeout,
        TimeProvider = time,
    };

    private static IEnumerable<(string Provider, JsonObject Raw)> SeedKeys(SoakSecrets s, ServerGeneration generation)
    {
        yield return ("openai", new JsonObject
        {
            ["id"] = "seed-openai-1", ["name"] = "seed-openai-1", ["value"] = s.New("sk-proj"),
            ["models"] = new JsonArray("*"), ["weight"] = 1,
        });
        yield return ("openai", new JsonObject
        {
            ["id"] = "seed-openai-env", ["name"] = "seed-openai-env", ["value"] = "env.SOAK_OPENAI_KEY",
            ["models"] = new JsonArray("gpt-4o", "gpt-4o-mini"), ["weight"] = 0.5,
        });
        var azure = new JsonObject
        {
            ["endpoint"] = "https://soak.openai.azure.com",
            ["client_id"] = s.New("client-id"), ["client_secret"] = s.New("client-secret"), ["tenant_id"] = s.New("tenant"),
        };
        if (generation == ServerGeneration.A)
        {
            azure["api_version"] = "2024-10-21"; // EnvVar-era servers only; newer ones drop it (CONTRACT §3.3)
        }

        yield return ("azure", new JsonObject
        {
            ["id"] = "seed-azure", ["name"] = "seed-azure", ["value"] = s.New("azure"),
            ["models"] = new JsonArray("gpt-4o"), ["weight"] = 1, ["azure_key_config"] = azure,
        });
        yield return ("bedrock", new JsonObject
        {
            ["id"] = "seed-bedrock", ["name"] = "seed-bedrock", ["value"] = "",
            ["models"] = new JsonArray("*"), ["weight"] = 1,
            ["bedrock_key_config"] = new JsonObject
            {
                ["access_key"] = s.New("AKIA"), ["secret_key"] = s.New("aws-secret"), ["region"] = "us-east-1",
            },
        });
        yield return ("vertex", new JsonObject
        {
            ["id"] = "seed-vertex", ["name"] = "seed-vertex", ["value"] = "",
            ["models"] = new JsonArray("*"), ["weight"] = 1,
            ["vertex_key_config"] = new JsonObject
            {
                ["project_id"] = s.New("project"), ["region"] = "us-central1", ["auth_credentials"] = s.New("vertex-cred"),
            },
        });
    }

    private static SoakOperation NextOperation(int index, Random ops, SoakState state, SoakSecrets secrets)
    {
        double r = ops.NextDouble();
        List<TrackedKey> created = state.Live.Where(k => !k.Seeded).ToList();
        if (r < 0.30)
        {
            return SoakOperation.Read(state.Live[ops.Next(state.Live.Count)], ops.Next(10));
        }

        if (r < 0.35)
        {
            return SoakOperation.ReadMissing(state.Live[ops.Next(state.Live.Count)].Provider, "missing-" + index.ToString(CultureInfo.InvariantCulture));
        }

        if (r < 0.70)
        {
            // A unique weight per operation, exact in binary so it round-trips through JSON.
            double weight = (index + 1) / 2048.0;
            return SoakOperation.Update(state, state.Live[ops.Next(state.Live.Count)], weight);
        }

        if (r < 0.88 || created.Count == 0)
        {
            string provider = (index % 3) switch { 0 => "openai", 1 => "anthropic", _ => "azure" };
            return SoakOperation.Create(state, provider, "soak-created-" + index.ToString(CultureInfo.InvariantCulture), secrets.New("created"), (index % 7 + 1) / 8.0);
        }

        return SoakOperation.Delete(state, created[ops.Next(created.Count)]);
    }

    private static void AssertSecretsKept(BifrostEmulator emulator, TrackedKey key, string when)
    {
        JsonObject? stored = emulator.GetStoredKey(key.Provider, key.Id);
        if (stored is null)
        {
            return; // a key deleted by this operation (checked at the end)
        }

        foreach (var (path, raw) in key.Secrets)
        {
            string? actual = TrackedKey.At(stored, path);
            Assert.True(string.Equals(raw, actual, StringComparison.Ordinal), $"{when}: {key.Provider}/{key.Name} {path} no longer holds the stored secret");
        }

        AssertNoMaskStored(stored, $"{when}: {key.Provider}/{key.Name}");
    }

    private static void AssertNoMaskStored(JsonNode? node, string where)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    AssertNoMaskStored(child, where);
                }

                break;
            case JsonArray a:
                foreach (JsonNode? child in a)
                {
                    AssertNoMaskStored(child, where);
                }

                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                string text = v.GetValue<string>();
                Assert.False(MaskLike().IsMatch(text), $"{where}: a mask was stored");
                break;
        }
    }

    private static void AssertFinalState(BifrostEmulator emulator, SoakState state)
    {
        var all = BifrostEmulatorOptions.BuiltInProviders.SelectMany(p => emulator.GetStoredKeys(p).Select(k => (Provider: p, Key: k))).ToList();

        // No name twice, across providers (names are unique server-wide; a duplicate would mean a double create).
        foreach (var group in all.GroupBy(k => k.Key["name"]!.GetValue<string>(), StringComparer.Ordinal))
        {
            Assert.True(group.Count() == 1, $"the name {group.Key} is stored {group.Count()} times");
        }

        foreach (TrackedKey key in state.Live)
        {
            JsonObject? stored = emulator.GetStoredKey(key.Provider, key.Id);
            Assert.True(stored is not null, $"{key.Provider}/{key.Name} was acknowledged and never deleted, but is gone");
            Assert.Equal(key.Name, stored!["name"]!.GetValue<string>());
            double weight = TrackedKey.Number(stored["weight"]);
            Assert.True(key.Weights.Contains(weight), $"{key.Provider}/{key.Name}: stored weight {weight} is none of the candidates {string.Join(", ", key.Weights)} (an acknowledged update was lost)");
            AssertSecretsKept(emulator, key, "at the end");
        }

        foreach (TrackedKey key in state.Deleted)
        {
            Assert.Null(emulator.GetStoredKey(key.Provider, key.Id));
        }

        foreach (TrackedKey key in state.MaybeDeleted)
        {
            if (emulator.GetStoredKey(key.Provider, key.Id) is not null)
            {
                AssertSecretsKept(emulator, key, "at the end (delete failed)");
            }
        }

        foreach (var (provider, name, value) in state.MaybeCreated)
        {
            var matches = all.Where(k => k.Key["name"]!.GetValue<string>() == name).ToList();
            Assert.True(matches.Count <= 1, $"{name} stored {matches.Count} times");
            if (matches.Count == 1)
            {
                Assert.Equal(provider, matches[0].Provider);
                Assert.Equal(value, matches[0].Key["value"]!.GetValue<string>());
            }
        }

        // Every stored key is accounted for.
        var known = state.Live.Concat(state.MaybeDeleted).Select(k => k.Name).Concat(state.MaybeCreated.Select(c => c.Name)).ToHashSet(StringComparer.Ordinal);
        Assert.All(all, k => Assert.Contains(k.Key["name"]!.GetValue<string>(), known));
    }

    /// <summary>Acknowledged creates whose repeat got 409 (an earlier attempt had landed) and were read back by id.</summary>
    private static int CountCreatesResolvedByReadBack(BifrostEmulator emulator, SoakState state)
    {
        var acknowledged = state.Live.Concat(state.Deleted).Concat(state.MaybeDeleted).Where(k => !k.Seeded).Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        return emulator.Journal.Entries
            .Where(e => e.Method == "POST" && e.Fault is null && e.StatusCode == 409)
            .Select(e => JsonNode.Parse(e.Body)!["name"]!.GetValue<string>())
            .Distinct(StringComparer.Ordinal)
            .Count(acknowledged.Contains);
    }

    private static void AssertNoCreateLandedTwice(BifrostEmulator emulator)
    {
        var landed = emulator.Journal.Entries
            .Where(e => e.Method == "POST" && e.Fault is null && e.StatusCode == 200)
            .Select(e => JsonNode.Parse(e.Body)!["name"]!.GetValue<string>())
            .GroupBy(n => n, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        Assert.True(landed.Count == 0, "creates that landed twice: " + string.Join(", ", landed));
    }

    private static void AssertLogsHoldNoSecret(FakeLoggerProvider logs, SoakSecrets secrets)
    {
        var records = logs.Collector.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            string text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(p => p.Key + "=" + p.Value) ?? []) + " " + record.Exception;
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secrets.All, s => text.Contains(s, StringComparison.Ordinal));
        }
    }

    private static void AssertMix(SoakFigures figures)
    {
        Assert.True(figures.Operations >= 1000);
        Assert.True(figures.LoopbackOperations > 0 && figures.InMemoryOperations > figures.LoopbackOperations);

        // About 30% of attempts were faulted, each kind at least a few times, and the SDK retried.
        double rate = (double)figures.FaultsInjected / figures.Attempts;
        Assert.InRange(rate, 0.25, 0.35);
        Assert.All(Enum.GetValues<SoakFault>().Where(f => f != SoakFault.None), f => Assert.True(figures.FaultsByKind.GetValueOrDefault(f) >= 5, $"{f} injected only {figures.FaultsByKind.GetValueOrDefault(f)} times"));
        Assert.True(figures.Retries > 0);
        Assert.True(figures.CreatesResolvedAfterLostAnswer > 0, "no create was repeated after a lost answer");
        Assert.True(figures.Succeeded > figures.Operations / 2);
    }

    [GeneratedRegex(@"\*{3,}|<redacted>|\[redacted\]", RegexOptions.IgnoreCase)]
    private static partial Regex MaskLike();
}
