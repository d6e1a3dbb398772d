using Bifrost.Client.Testing;

namespace Bifrost.Client.Benchmarks;

/// <summary>What the loopback benchmarks share: the emulator they call, and many callers running one call each.</summary>
public static class Loopback
{
    /// <summary>Requests per benchmark operation, split evenly between the callers.</summary>
    public const int RequestsPerInvocation = 256;

    /// <summary>The emulator on Kestrel (127.0.0.1) with bearer auth on and the benchmark key stored.</summary>
    public static (BifrostEmulator Emulator, Uri Address) StartEmulator()
    {
        var emulator = new BifrostEmulator(o =>
        {
            o.Authentication.IsEnabled = true;
            o.Authentication.BearerTokens.Add(Payloads.Token);
        });
        emulator.SeedKey(Payloads.Provider, Payloads.OpenAiRawKey);
        return (emulator, emulator.StartAsync().GetAwaiter().GetResult());
    }

    /// <summary>The connection pool of a floor client, configured as the SDK configures its own.</summary>
    public static SocketsHttpHandler Sockets() => new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    /// <summary>Runs <see cref="RequestsPerInvocation"/> calls from <paramref name="callers"/> concurrent callers.</summary>
    public static Task RunAsync(BifrostEmulator emulator, int callers, Func<Task<ProviderKey>> call)
    {
        // The emulator journals every request; keep it from growing over millions of them.
        emulator.Journal.Clear();
        var perCaller = RequestsPerInvocation / callers;
        var tasks = new Task[callers];
        for (var c = 0; c < tasks.Length; c++)
        {
            tasks[c] = Task.Run(async () =>
            {
                for (var i = 0; i < perCaller; i++)
                {
                    await call().ConfigureAwait(false);
                }
            });
        }

        return Task.WhenAll(tasks);
    }
}
