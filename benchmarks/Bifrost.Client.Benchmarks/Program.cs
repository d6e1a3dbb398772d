using BenchmarkDotNet.Running;

namespace Bifrost.Client.Benchmarks;

/// <summary>
/// Runs the benchmarks with BenchmarkDotNet's command line, for example
/// <c>dotnet run -c Release -- --filter '*' --job short</c>. The exit code is 1 when a benchmark failed (a setup
/// check threw, or a run produced no result), so <c>--job Dry --inProcess</c> works as a smoke test.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--decompose")
        {
            var calls = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
            return Decompose.RunAsync(calls, args.Length > 2 ? args[2] : null).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "--paired-throughput")
        {
            return PairedThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40).GetAwaiter().GetResult();
        }

        if (args.Length > 1 && args[0] == "--paired-layers")
        {
            var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30;
            return PairedThroughput.RunLayersAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), rounds).GetAwaiter().GetResult();
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();
        var failed = summaries.Count == 0
            || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
        if (failed)
        {
            Console.Error.WriteLine("benchmarks: at least one benchmark failed or none ran");
            return 1;
        }

        return 0;
    }
}
