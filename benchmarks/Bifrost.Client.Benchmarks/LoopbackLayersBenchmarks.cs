using BenchmarkDotNet.Attributes;
using Bifrost.Client.Http;
using Bifrost.Client.Testing;

namespace Bifrost.Client.Benchmarks;

/// <summary>
/// Where the SDK's cost goes over loopback at 64 callers: the floor, Refit with the SDK's settings and nothing else,
/// Refit behind the credential handler, and the whole SDK (credential, resilience pipeline, logging). Not a target of
/// its own; it explains <see cref="LoopbackThroughputBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
[OperationsPerSecond]
public class LoopbackLayersBenchmarks
{
    /// <summary>Concurrent callers; 64 in the BenchmarkDotNet run, settable for <c>--paired-layers</c>.</summary>
    public int Callers { get; set; } = 64;

    private readonly List<IDisposable> _owned = [];
    private BifrostEmulator _emulator = null!;
    private FloorClient _floor = null!;
    private IBifrostKeysApi _refit = null!;
    private IBifrostKeysApi _refitWithCredential = null!;
    private BifrostKeysClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_emulator, var address) = Loopback.StartEmulator();
        var options = new BifrostClientOptions { BaseAddress = address, Credential = BifrostCredential.BearerToken(Payloads.Token) };

        _floor = new FloorClient(Own(new HttpClient(Loopback.Sockets()) { BaseAddress = address }), Payloads.Token);
        var refitHttp = Own(new HttpClient(Loopback.Sockets()) { BaseAddress = address });
        refitHttp.DefaultRequestHeaders.Authorization = new("Bearer", Payloads.Token);
        _refit = BifrostHttp.CreateApi(refitHttp);
        var credentialHttp = Own(new HttpClient(new CredentialHandler(() => options) { InnerHandler = Loopback.Sockets() }) { BaseAddress = address });
        BifrostHttp.ConfigureHttpClient(credentialHttp, options);
        _refitWithCredential = BifrostHttp.CreateApi(credentialHttp);
        _sdk = Own(new BifrostKeysClient(options, new DiscardingLoggerFactory()));

        var expected = _floor.GetKeyAsync(Payloads.Provider, Payloads.KeyId).GetAwaiter().GetResult();
        Check.SameJson(expected, _refit.GetKeyAsync(Payloads.Provider, Payloads.KeyId).GetAwaiter().GetResult(), "Refit and floor answers");
        Check.SameJson(expected, _refitWithCredential.GetKeyAsync(Payloads.Provider, Payloads.KeyId).GetAwaiter().GetResult(), "Refit + credential and floor answers");
        Check.SameJson(expected, _sdk.GetKeyAsync(Payloads.Provider, Payloads.KeyId).GetAwaiter().GetResult(), "SDK and floor answers");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _owned.ForEach(d => d.Dispose());
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Loopback.RequestsPerInvocation, Description = "64 callers: floor")]
    public Task Floor() => RunAsync(() => _floor.GetKeyAsync(Payloads.Provider, Payloads.KeyId));

    [Benchmark(OperationsPerInvoke = Loopback.RequestsPerInvocation, Description = "64 callers: Refit (SDK settings) only")]
    public Task Refit() => RunAsync(() => _refit.GetKeyAsync(Payloads.Provider, Payloads.KeyId));

    [Benchmark(OperationsPerInvoke = Loopback.RequestsPerInvocation, Description = "64 callers: Refit + credential handler")]
    public Task RefitWithCredential() => RunAsync(() => _refitWithCredential.GetKeyAsync(Payloads.Provider, Payloads.KeyId));

    [Benchmark(OperationsPerInvoke = Loopback.RequestsPerInvocation, Description = "64 callers: SDK")]
    public Task Sdk() => RunAsync(() => _sdk.GetKeyAsync(Payloads.Provider, Payloads.KeyId));

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private Task RunAsync(Func<Task<ProviderKey>> call) => Loopback.RunAsync(_emulator, Callers, call);
}
