using Bifrost.Client.Sample;

// Bifrost.Client sample. With no settings it starts an embedded Bifrost emulator on 127.0.0.1 and walks a safe
// key-management workflow through it; with BIFROST_URL set it reads (and, with --apply, re-weights) a real server.
// Run with --help for the settings.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await SampleApp.RunAsync(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error, cancellation.Token);
