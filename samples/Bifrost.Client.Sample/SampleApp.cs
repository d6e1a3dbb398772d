using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bifrost.Client.Sample;

/// <summary>
/// Reads the settings, runs the emulator or the remote workflow, and turns expected failures into a clear message and
/// a non-zero exit code (no stack traces unless <c>--verbose</c>).
/// </summary>
internal static class SampleApp
{
    /// <summary>Success.</summary>
    public const int ExitOk = 0;

    /// <summary>A check failed, or the server refused or failed a request.</summary>
    public const int ExitFailed = 1;

    /// <summary>The command line or a <c>BIFROST_*</c> variable is invalid.</summary>
    public const int ExitUsage = 2;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int ExitCancelled = 130;

    /// <summary>Runs the sample.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="error">Where error messages go.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        SampleSettings settings;
        try
        {
            settings = SampleSettings.Parse(args, environment);
        }
        catch (SampleUsageException e)
        {
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            await error.WriteLineAsync().ConfigureAwait(false);
            await error.WriteLineAsync(SampleSettings.Usage).ConfigureAwait(false);
            return ExitUsage;
        }

        if (settings.Help)
        {
            await output.WriteLineAsync(SampleSettings.Usage).ConfigureAwait(false);
            return ExitOk;
        }

        var report = new ConsoleReport(output);
        try
        {
            var ok = settings.UseEmulator
                ? await RunAgainstEmulatorAsync(settings, report, cancellationToken).ConfigureAwait(false)
                : await RunAgainstServerAsync(settings, report, cancellationToken).ConfigureAwait(false);
            output.WriteLine();
            if (!ok)
            {
                await error.WriteLineAsync($"error: {report.FailedChecks} check(s) failed; see [FAIL] above.").ConfigureAwait(false);
                return ExitFailed;
            }

            output.WriteLine("Done.");
            return ExitOk;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return ExitCancelled;
        }
        catch (Exception e) when (Describe(e, settings) is { } message)
        {
            await error.WriteLineAsync("error: " + message).ConfigureAwait(false);
            if (settings.Verbose)
            {
                await error.WriteLineAsync(e.ToString()).ConfigureAwait(false); // SDK exceptions never carry secrets
            }

            return ExitFailed;
        }
    }

    private static async Task<bool> RunAgainstEmulatorAsync(SampleSettings settings, ConsoleReport report, CancellationToken cancellationToken)
    {
        report.Title("Bifrost.Client sample: the embedded emulator");
        var (seed, emulator) = EmulatorSeed.Create();
        await using (emulator.ConfigureAwait(false))
        {
            var address = await emulator.StartAsync(cancellationToken).ConfigureAwait(false);
            var credential = BifrostCredential.BearerToken(seed.BearerToken);
            report.Line($"Emulator: {emulator} with bearer-token authentication on.");
            report.Line($"Client:   {credential} (the token itself is never printed).");
            report.Line("Set BIFROST_URL to target a real server instead; --help lists the settings.");

            await using var services = SampleServices.Build(address, credential, settings.Verbose);
            var client = services.GetRequiredService<IBifrostKeysClient>();
            return await new Workflow(client, emulator, seed, report).RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> RunAgainstServerAsync(SampleSettings settings, ConsoleReport report, CancellationToken cancellationToken)
    {
        report.Title("Bifrost.Client sample: " + settings.ServerUrl);
        report.Line($"Client: {settings.Credential}. Mode: {(settings.Apply ? "read, preview and apply" : "read and preview only (no --apply)")}.");

        await using var services = SampleServices.Build(settings.ServerUrl!, settings.Credential, settings.Verbose, settings.AllowInsecureHttp);
        var client = services.GetRequiredService<IBifrostKeysClient>();
        return await new RemoteWorkflow(client, settings, report).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A one-line explanation of an expected failure, or null for a bug (which then surfaces with its stack).</summary>
    private static string? Describe(Exception e, SampleSettings settings) => e switch
    {
        BifrostAuthenticationException auth => $"the server refused the credential ({(int)auth.StatusCode}): {auth.Message}"
            + (settings.Credential.Kind == BifrostCredentialKind.None ? " Set BIFROST_TOKEN or BIFROST_BASIC." : ""),
        BifrostNotFoundException notFound => $"not found: {notFound.Message}",
        UnsafeUpdateException unsafeUpdate => $"refused before sending: {unsafeUpdate.Message}",
        KeyChangedException changed => $"{changed.Message} Run again to start from a fresh read.",
        BifrostException bifrost => bifrost.Message,
        OptionsValidationException options => "invalid client settings: " + string.Join(" ", options.Failures),
        HttpRequestException http => $"could not reach {settings.ServerUrl?.ToString() ?? "the server"}: {http.Message}",
        _ => null,
    };
}
