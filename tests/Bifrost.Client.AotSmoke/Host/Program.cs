using System.Diagnostics;
using Bifrost.Client.Testing;

// Usage: Bifrost.Client.AotSmoke.Host <path-to-published-Bifrost.Client.AotSmoke>
// Starts the emulator on 127.0.0.1, seeds one key, runs the AOT app against it, then checks in the raw store that
// the stored secret survived the app's safe update. Exit code 0 when all of it passed.
if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Bifrost.Client.AotSmoke.Host <path-to-published-Bifrost.Client.AotSmoke>");
    return 2;
}

const string Token = "bfst-aot-smoke-token";
const string Secret = "sk-proj-aotsmoke0123456789abcdefghij";
await using var emulator = new BifrostEmulator(o =>
{
    o.Authentication.IsEnabled = true;
    o.Authentication.BearerTokens.Add(Token);
});
emulator.SeedKey("openai", $$"""{"id":"k1","name":"aot-smoke","value":"{{Secret}}","models":["*"],"weight":1}""");
var address = await emulator.StartAsync();

var start = new ProcessStartInfo(Path.GetFullPath(args[0])) { UseShellExecute = false };
start.ArgumentList.Add(address.ToString());
start.ArgumentList.Add(Token);
using var app = Process.Start(start) ?? throw new InvalidOperationException("could not start the AOT app");
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
await app.WaitForExitAsync(timeout.Token);
if (app.ExitCode != 0)
{
    Console.Error.WriteLine($"AOT app exited with {app.ExitCode}");
    return 1;
}

var stored = emulator.GetStoredKey("openai", "k1");
var secretKept = stored?["value"]?.GetValue<string>() == Secret;
var weightSaved = stored?["weight"]?.GetValue<double>() == 0.5;
Console.WriteLine($"host: stored secret kept: {secretKept}; weight saved: {weightSaved}; requests served: {emulator.Journal.Count}");
return secretKept && weightSaved ? 0 : 1;
