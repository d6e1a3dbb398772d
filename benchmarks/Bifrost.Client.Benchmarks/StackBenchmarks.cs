using BenchmarkDotNet.Attributes;

namespace Bifrost.Client.Benchmarks;

/// <summary>
/// Target 1: one call through the whole SDK stack (argument checks, Refit, credential, resilience, logging at the
/// default level) against the hand-written floor, over an in-memory handler that answers canned bytes.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class UpdateKeyBenchmarks
{
    private BifrostKeysClient _sdk = null!;
    private FloorClient _floor = null!;
    private ProviderKey _key = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = BifrostJson.DeserializeKey(System.Text.Encoding.UTF8.GetString(Payloads.OpenAiKey));
        (_sdk, _floor) = Clients.InMemory(_ => Payloads.OpenAiKey);
        Check.SameJson(Sdk().GetAwaiter().GetResult(), Floor().GetAwaiter().GetResult(), "SDK and floor answers");
    }

    [GlobalCleanup]
    public void Cleanup() => _sdk.Dispose();

    [Benchmark(Baseline = true, Description = "UpdateKey: hand-written floor")]
    public Task<ProviderKey> Floor() => _floor.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, _key);

    [Benchmark(Description = "UpdateKey: SDK")]
    public Task<ProviderKey> Sdk() => _sdk.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, _key);
}

/// <summary>Target 1, second half: listing a provider with 100 keys.</summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class ListKeysBenchmarks
{
    private BifrostKeysClient _sdk = null!;
    private FloorClient _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_sdk, _floor) = Clients.InMemory(_ => Payloads.ListOf100);
        Check.That(Sdk().GetAwaiter().GetResult().Keys.Count == 100 && Floor().GetAwaiter().GetResult().Keys.Count == 100, "both lists have 100 keys");
    }

    [GlobalCleanup]
    public void Cleanup() => _sdk.Dispose();

    [Benchmark(Baseline = true, Description = "ListKeys(100): hand-written floor")]
    public Task<ProviderKeyList> Floor() => _floor.ListKeysAsync(Payloads.Provider);

    [Benchmark(Description = "ListKeys(100): SDK")]
    public Task<ProviderKeyList> Sdk() => _sdk.ListKeysAsync(Payloads.Provider);
}

/// <summary>Builds the SDK client and the floor over the same kind of canned handler.</summary>
public static class Clients
{
    public static readonly Uri BaseAddress = new("https://bifrost.benchmark/");

    public static (BifrostKeysClient Sdk, FloorClient Floor) InMemory(Func<HttpRequestMessage, byte[]> answer)
    {
        var options = new BifrostClientOptions
        {
            BaseAddress = BaseAddress,
            Credential = BifrostCredential.BearerToken(Payloads.Token),
        };
        var sdk = new BifrostKeysClient(options, new CannedHandler(answer), new DiscardingLoggerFactory());
        var floor = new FloorClient(new HttpClient(new CannedHandler(answer)) { BaseAddress = BaseAddress }, Payloads.Token);
        return (sdk, floor);
    }
}
