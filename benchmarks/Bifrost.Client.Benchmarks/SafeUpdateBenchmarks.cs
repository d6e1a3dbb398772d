using BenchmarkDotNet.Attributes;

namespace Bifrost.Client.Benchmarks;

/// <summary>
/// Target 3: the safe-update helper (read, edit, guard, re-read to check, write) against two hand-written calls
/// (GET, edit, PUT) over an in-memory handler that answers the same key to every request.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class SafeUpdateBenchmarks
{
    private static readonly Action<ProviderKey> Edit = static k => k.Weight = 0.5;
    private static readonly UpdateKeyOptions NoRecheck = new() { VerifyUnchanged = false };

    private BifrostKeysClient _sdk = null!;
    private FloorClient _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_sdk, _floor) = Clients.InMemory(_ => Payloads.OpenAiKey);
        Check.SameJson(SafeUpdate().GetAwaiter().GetResult(), TwoRawCalls().GetAwaiter().GetResult(), "SDK and floor answers");
        SafeUpdateWithoutRecheck().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _sdk.Dispose();

    [Benchmark(Baseline = true, Description = "Edit: two hand-written calls (GET, PUT)")]
    public async Task<ProviderKey> TwoRawCalls()
    {
        var key = await _floor.GetKeyAsync(Payloads.Provider, Payloads.KeyId).ConfigureAwait(false);
        Edit(key);
        return await _floor.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, key).ConfigureAwait(false);
    }

    [Benchmark(Description = "Edit: SDK safe update (GET, GET, PUT)")]
    public Task<ProviderKey> SafeUpdate() => _sdk.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, Edit);

    [Benchmark(Description = "Edit: SDK safe update, VerifyUnchanged off (GET, PUT)")]
    public Task<ProviderKey> SafeUpdateWithoutRecheck() => _sdk.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, Edit, NoRecheck);
}
