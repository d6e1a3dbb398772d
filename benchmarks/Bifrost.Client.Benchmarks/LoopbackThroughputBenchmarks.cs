using BenchmarkDotNet.Attributes;
using Bifrost.Client.Testing;

namespace Bifrost.Client.Benchmarks;

/// <summary>
/// Target 4: requests per second over loopback against the emulator's Kestrel endpoint, with 1, 16 and 64 concurrent
/// callers, each reading one key. One operation is one request, so Op/s is requests per second.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
[OperationsPerSecond]
public class LoopbackThroughputBenchmarks
{
    private BifrostEmulator _emulator = null!;
    private BifrostKeysClient _sdk = null!;
    private HttpClient _floorHttp = null!;
    private FloorClient _floor = null!;

    [Params(1, 16, 64)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_emulator, var address) = Loopback.StartEmulator();

        _sdk = new BifrostKeysClient(
            new BifrostClientOptions { BaseAddress = address, Credential = BifrostCredential.BearerToken(Payloads.Token) },
            new DiscardingLoggerFactory());
        _floorHttp = new HttpClient(Loopback.Sockets()) { BaseAddress = address };
        _floor = new FloorClient(_floorHttp, Payloads.Token);

        Check.SameJson(
            _sdk.GetKeyAsync(Payloads.Provider, Payloads.KeyId).GetAwaiter().GetResult(),
            _floor.GetKeyAsync(Payloads.Provider, Payloads.KeyId).GetAwaiter().GetResult(),
            "SDK and floor answers");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _floorHttp.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Loopback.RequestsPerInvocation, Description = "GetKey over loopback: hand-written floor")]
    public Task Floor() => RunAsync(() => _floor.GetKeyAsync(Payloads.Provider, Payloads.KeyId));

    [Benchmark(OperationsPerInvoke = Loopback.RequestsPerInvocation, Description = "GetKey over loopback: SDK")]
    public Task Sdk() => RunAsync(() => _sdk.GetKeyAsync(Payloads.Provider, Payloads.KeyId));

    private Task RunAsync(Func<Task<ProviderKey>> call) => Loopback.RunAsync(_emulator, Callers, call);
}
