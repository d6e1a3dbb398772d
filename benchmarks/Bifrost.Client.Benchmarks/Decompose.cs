using System.Diagnostics;
using Refit;

namespace Bifrost.Client.Benchmarks;

/// <summary>
/// <c>--decompose</c>: a quick, interleaved loop over the layers of one UpdateKeyAsync call (floor, Refit alone, the
/// SDK without retries, the full SDK), printing CPU time (robust on a loaded, shared machine, unlike wall-clock time) and bytes per call. Used to find where the SDK's cost goes;
/// BenchmarkDotNet gives the published numbers.
/// </summary>
public static class Decompose
{
    public static async Task<int> RunAsync(int calls)
    {
        var key = BifrostJson.DeserializeKey(System.Text.Encoding.UTF8.GetString(Payloads.OpenAiKey));
        var (sdk, floor) = Clients.InMemory(_ => Payloads.OpenAiKey);
        using var noRetry = new BifrostKeysClient(
            new BifrostClientOptions { BaseAddress = Clients.BaseAddress, Credential = BifrostCredential.BearerToken(Payloads.Token), MaxRetries = 0 },
            new CannedHandler(_ => Payloads.OpenAiKey),
            new DiscardingLoggerFactory());
        var refitHttp = new HttpClient(new CannedHandler(_ => Payloads.OpenAiKey)) { BaseAddress = Clients.BaseAddress };
        refitHttp.DefaultRequestHeaders.Authorization = new("Bearer", Payloads.Token);
        var refit = RestService.For<IBifrostKeysApi>(refitHttp, new RefitSettings(new SystemTextJsonContentSerializer(BifrostJson.Options)));

        var variants = new (string Name, Func<Task<ProviderKey>> Call)[]
        {
            ("floor", () => floor.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, key)),
            ("Refit alone (no SDK handlers)", () => refit.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, key)),
            ("SDK, MaxRetries = 0", () => noRetry.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, key)),
            ("SDK", () => sdk.UpdateKeyAsync(Payloads.Provider, Payloads.KeyId, key)),
        };
        var time = new double[variants.Length];
        var bytes = new double[variants.Length];
        for (var round = 0; round < 6; round++)
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
                for (var i = 0; i < calls; i++)
                {
                    await call().ConfigureAwait(false);
                }

                var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                if (round > 0)
                {
                    time[v] += spent.TotalMicroseconds / calls;
                    bytes[v] += (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)calls;
                }
            }
        }

        for (var v = 0; v < variants.Length; v++)
        {
            Console.WriteLine($"{variants[v].Name,-32} {time[v] / 5,8:0.0} us  {bytes[v] / 5,8:0} B   ratio {time[v] / time[0],5:0.00}x time  {bytes[v] / bytes[0],5:0.00}x bytes");
        }

        sdk.Dispose();
        return 0;
    }
}
