using System.Diagnostics;
using Refit;

namespace Bifrost.Client.Benchmarks;

/// <summary>
/// <c>--decompose [calls] [section]</c>: quick interleaved loops over the layers of each call (floor, Refit alone and
/// with the SDK's settings, the SDK without retries, the full SDK; the safe update and its pieces; loopback and its
/// layers), printing CPU time per call (mean), wall-clock time per call (fastest round: a shared machine only ever
/// slows a round down) and bytes allocated per call. Sections: update, list, safe, parts, loopback, loopback-layers.
/// Used to find where the SDK's cost goes; BenchmarkDotNet and the paired modes give the published numbers.
/// </summary>
public static class Decompose
{
    public static async Task<int> RunAsync(int calls, string? only = null)
    {
        var key = BifrostJson.DeserializeKey(System.Text.Encoding.UTF8.GetString(Payloads.OpenAiKey));
        var (sdk, floor) = Clients.InMemory(_ => Payloads.OpenAiKey);
        var (listSdk, listFloor) = Clients.InMemory(_ => Payloads.ListOf100);
        using var noRetry = new BifrostKeysClient(
            new BifrostClientOptions { BaseAddress = Clients.BaseAddress, Credential = BifrostCredential.BearerToken(Payloads.Token), MaxRetries = 0 },
            new CannedHandler(_ => Payloads.OpenAiKey),
            new DiscardingLoggerFactory());
        var refitHttp = new HttpClient(new CannedHandler(_ => Payloads.OpenAiKey)) { BaseAddress = Clients.BaseAddress };
        refitHttp.DefaultRequestHeaders.Authorization = new("Bearer", Payloads.Token);
        var refit = RestService.For<IBifrostKeysApi>(refitHttp, new RefitSettings(new SystemTextJsonContentSerializer(BifrostJson.Options)));
        var refitSdkSettings = Bifrost.Client.Http.BifrostHttp.CreateApi(refitHttp);
        Action<ProviderKey> edit = static k => k.Weight = 0.5;
        var noRecheck = new UpdateKeyOptions { VerifyUnchanged = false };

        bool Wanted(string section) => only is null || string.Equals(only, section, StringComparison.OrdinalIgnoreCase);

        if (Wanted("update"))
        {
            await MeasureAsync("UpdateKeyAsync, in memory", calls, [
                ("floor", () => floor.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, key)),
                ("Refit alone (no SDK handlers)", () => refit.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, key)),
                ("Refit, SDK's settings, no handlers", () => refitSdkSettings.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, key)),
                ("SDK, MaxRetries = 0", () => noRetry.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, key)),
                ("SDK", () => sdk.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, key)),
            ]).ConfigureAwait(false);
        }

        if (Wanted("list"))
        {
            await MeasureAsync("ListKeysAsync (100 keys), in memory", calls / 10, [
                ("floor", () => listFloor.ListKeysAsync(Payloads.Provider)),
                ("SDK", () => listSdk.ListKeysAsync(Payloads.Provider)),
            ]).ConfigureAwait(false);
        }

        if (Wanted("safe"))
        {
            await MeasureAsync("Safe update, in memory", calls / 2, [
                ("two raw calls (GET, PUT)", async () =>
                {
                    var k = await floor.GetKeyAsync(Payloads.Provider, Payloads.KeyId).ConfigureAwait(false);
                    edit(k);
                    return await floor.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, k).ConfigureAwait(false);
                }),
                ("SDK safe update (GET, GET, PUT)", () => sdk.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, edit)),
                ("SDK safe update, no re-read", () => sdk.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, edit, noRecheck)),
            ]).ConfigureAwait(false);
        }

        if (Wanted("parts"))
        {
            // The safe update's work besides HTTP, one piece at a time (each returns something so nothing is optimised away).
            var snapshot = key.Clone();
            var edited = key.Clone();
            edit(edited);
            await MeasureAsync("Safe update pieces, no I/O", calls, [
                ("floor GET (reference)", () => floor.GetKeyAsync(Payloads.Provider, Payloads.KeyId)),
                ("SDK GET", () => sdk.GetKeyAsync(Payloads.Provider, Payloads.KeyId)),
                ("Clone (snapshot)", () => Task.FromResult(key.Clone())),
                ("UpdateGuard.Check", () => { UpdateGuard.Check(Payloads.Provider, snapshot, edited, UpdateKeyOptions.Default); return Task.FromResult(edited); }),
                ("RawBodyGuard", () => { RawBodyGuard.EnsureNoPlainMask(edited); return Task.FromResult(edited); }),
                ("StoredKeyComparer", () => Task.FromResult(StoredKeyComparer.AreSameStoredKey(snapshot, key) ? key : edited)),
            ]).ConfigureAwait(false);
        }

        sdk.Dispose();
        listSdk.Dispose();

        // Over loopback, the server shares the process: CPU time per request then covers client and server, which on a
        // saturated 2-core machine is what bounds requests per second.
        if (Wanted("loopback"))
        {
            foreach (var callers in new[] { 1, 16, 64 })
            {
                var loopback = new LoopbackThroughputBenchmarks { Callers = callers };
                loopback.Setup();
                await MeasureAsync($"GetKeyAsync over loopback, {callers} callers, per {Loopback.RequestsPerInvocation} requests", Math.Max(20, calls / 1000), [
                    ("floor", async () => { await loopback.Floor().ConfigureAwait(false); return 0; }),
                    ("SDK", async () => { await loopback.Sdk().ConfigureAwait(false); return 0; }),
                ]).ConfigureAwait(false);
                loopback.Cleanup();
            }
        }

        if (Wanted("loopback-layers"))
        {
            await LoopbackLayersAsync(calls).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Over loopback at 16 and 64 callers: which layer of the SDK costs CPU per request.</summary>
    private static async Task LoopbackLayersAsync(int calls)
    {
        foreach (var callers in new[] { 16, 64 })
        {
            var layers = new LoopbackLayersBenchmarks { Callers = callers };
            layers.Setup();
            await MeasureAsync($"Loopback layers, {callers} callers, per {Loopback.RequestsPerInvocation} requests", Math.Max(20, calls / 1000), [
                ("floor", async () => { await layers.Floor().ConfigureAwait(false); return 0; }),
                ("Refit (SDK settings), no handlers", async () => { await layers.Refit().ConfigureAwait(false); return 0; }),
                ("Refit + credential handler", async () => { await layers.RefitWithCredential().ConfigureAwait(false); return 0; }),
                ("SDK", async () => { await layers.Sdk().ConfigureAwait(false); return 0; }),
            ]).ConfigureAwait(false);
            layers.Cleanup();
        }
    }

    private static async Task MeasureAsync<T>(string title, int calls, (string Name, Func<Task<T>> Call)[] variants)
    {
        const int Rounds = 6;
        var time = new double[variants.Length];
        var fastest = Enumerable.Repeat(double.MaxValue, variants.Length).ToArray();
        var bytes = new double[variants.Length];
        for (var round = 0; round < Rounds; round++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                var call = variants[v].Call;
                for (var i = 0; i < 200; i++)
                {
                    await call().ConfigureAwait(false);
                }

                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.GetTimestamp();
                for (var i = 0; i < calls; i++)
                {
                    await call().ConfigureAwait(false);
                }

                var elapsed = Stopwatch.GetElapsedTime(wall);
                var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                if (round > 0)
                {
                    time[v] += spent.TotalMicroseconds / calls;
                    fastest[v] = Math.Min(fastest[v], elapsed.TotalMicroseconds / calls);
                    bytes[v] += (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)calls;
                }
            }
        }

        Console.WriteLine($"{title} ({Rounds - 1} rounds of {calls} calls; CPU time is the mean, wall clock the fastest round)");
        for (var v = 0; v < variants.Length; v++)
        {
            // Over an in-memory handler that answers at once, a layer that completes synchronously costs no thread hop.
            var task = variants[v].Call();
            var synchronous = task.IsCompleted;
            await task.ConfigureAwait(false);
            Console.WriteLine(
                $"  {variants[v].Name,-34} {time[v] / (Rounds - 1),8:0.0} us CPU {time[v] / time[0],5:0.00}x  {fastest[v],8:0.0} us wall {fastest[v] / fastest[0],5:0.00}x"
                + $"  {bytes[v] / (Rounds - 1),8:0} B {bytes[v] / bytes[0],5:0.00}x  {(synchronous ? "sync" : "ASYNC HOP")}");
        }
    }
}
