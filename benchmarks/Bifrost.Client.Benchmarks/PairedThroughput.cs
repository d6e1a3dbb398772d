using System.Diagnostics;

namespace Bifrost.Client.Benchmarks;

/// <summary>
/// <c>--paired-throughput [rounds]</c>: target 4 measured in pairs. On a shared machine the speed of the whole box drifts
/// by ±15 % within a minute, more than the difference to measure, and BenchmarkDotNet runs the floor and the SDK minutes
/// apart. Here each round runs both sides back to back over the same emulator (alternating which goes first), for
/// about a quarter of a second each, and the result is the median of the per-round ratios, with the quartiles.
/// </summary>
public static class PairedThroughput
{
    public static async Task<int> RunAsync(int rounds)
    {
        Console.WriteLine($"Loopback throughput, SDK / floor requests per second, median of {rounds} paired rounds [quartiles]");
        foreach (var callers in new[] { 1, 16, 64 })
        {
            var bench = new LoopbackThroughputBenchmarks { Callers = callers };
            bench.Setup();
            try
            {
                // Batches per side and round: about a quarter of a second of requests.
                var batches = callers == 1 ? 4 : 12;
                for (var i = 0; i < 3; i++)
                {
                    await TimeAsync(bench.Floor, batches).ConfigureAwait(false);
                    await TimeAsync(bench.Sdk, batches).ConfigureAwait(false);
                }

                var ratios = new List<double>();
                double floorTotal = 0, sdkTotal = 0;
                for (var round = 0; round < rounds; round++)
                {
                    double floor, sdk;
                    if (round % 2 == 0)
                    {
                        floor = await TimeAsync(bench.Floor, batches).ConfigureAwait(false);
                        sdk = await TimeAsync(bench.Sdk, batches).ConfigureAwait(false);
                    }
                    else
                    {
                        sdk = await TimeAsync(bench.Sdk, batches).ConfigureAwait(false);
                        floor = await TimeAsync(bench.Floor, batches).ConfigureAwait(false);
                    }

                    // Requests per second of the SDK over those of the floor = floor time over SDK time.
                    ratios.Add(floor / sdk);
                    floorTotal += floor;
                    sdkTotal += sdk;
                }

                ratios.Sort();
                var requests = (double)Loopback.RequestsPerInvocation * batches * rounds;
                Console.WriteLine(
                    $"  {callers,2} callers: {Quantile(ratios, 0.5):0.00}x  [{Quantile(ratios, 0.25):0.00}–{Quantile(ratios, 0.75):0.00}]"
                    + $"   floor {requests / floorTotal:0} req/s, SDK {requests / sdkTotal:0} req/s");
            }
            finally
            {
                bench.Cleanup();
            }
        }

        return 0;
    }

    /// <summary><c>--paired-layers callers [rounds]</c>: each layer of <see cref="LoopbackLayersBenchmarks"/> against the floor, in pairs.</summary>
    public static async Task<int> RunLayersAsync(int callers, int rounds)
    {
        var bench = new LoopbackLayersBenchmarks { Callers = callers };
        bench.Setup();
        try
        {
            var layers = new (string Name, Func<Task> Batch)[]
            {
                ("Refit (SDK settings) only", bench.Refit),
                ("Refit + credential handler", bench.RefitWithCredential),
                ("SDK", bench.Sdk),
            };
            var batches = callers == 1 ? 4 : 12;
            Console.WriteLine($"Loopback layers at {callers} caller(s), requests per second against the floor, median of {rounds} paired rounds [quartiles]");
            foreach (var (name, batch) in layers)
            {
                var ratios = new List<double>();
                for (var round = -3; round < rounds; round++)
                {
                    var first = round % 2 == 0;
                    var a = await TimeAsync(first ? bench.Floor : batch, batches).ConfigureAwait(false);
                    var b = await TimeAsync(first ? batch : bench.Floor, batches).ConfigureAwait(false);
                    if (round >= 0)
                    {
                        ratios.Add(first ? a / b : b / a);
                    }
                }

                ratios.Sort();
                Console.WriteLine($"  {name,-28} {Quantile(ratios, 0.5):0.00}x  [{Quantile(ratios, 0.25):0.00}–{Quantile(ratios, 0.75):0.00}]");
            }
        }
        finally
        {
            bench.Cleanup();
        }

        return 0;
    }

    private static async Task<double> TimeAsync(Func<Task> batch, int batches)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < batches; i++)
        {
            await batch().ConfigureAwait(false);
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static double Quantile(List<double> sorted, double q)
    {
        var position = (sorted.Count - 1) * q;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
