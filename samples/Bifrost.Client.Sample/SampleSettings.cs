using System.Globalization;
using Bifrost.Client;

namespace Bifrost.Client.Sample;

/// <summary>What the sample was asked to do: the command line and the <c>BIFROST_*</c> environment variables.</summary>
internal sealed class SampleSettings
{
    /// <summary>The usage text printed by <c>--help</c> and after a usage error.</summary>
    public const string Usage = """
        Usage: dotnet run --project samples/Bifrost.Client.Sample [-- --apply] [-- --verbose]

        With no settings the sample starts an embedded Bifrost emulator on 127.0.0.1 and walks the whole
        workflow: list keys, preview and apply a safe update, rotate secrets, and show a refused unsafe edit.

        To target a real Bifrost server instead (read and preview only, unless --apply is given):
          BIFROST_URL        the server root, for example https://bifrost.example.com/
          BIFROST_TOKEN      a management API key or session token (sent as Bearer), or
          BIFROST_BASIC      the dashboard admin as user:password (sent as Basic)
          BIFROST_PROVIDER   optional: the provider of the key to re-weight (default: the first key listed)
          BIFROST_KEY_ID     optional: the id of the key to re-weight (needs BIFROST_PROVIDER)
          BIFROST_WEIGHT     optional: the new weight (default 0.5, or 1 when the key already has 0.5)
          BIFROST_ALLOW_INSECURE_HTTP=1  optional: allow the credential over plain http:// to a non-loopback host

        Options:
          --apply            against BIFROST_URL: perform the re-weight after the preview
          --verbose          log the client's requests (Information level) to standard error
          --help             print this text
        """;

    private SampleSettings()
    {
    }

    /// <summary>Whether the embedded emulator is used (no <c>BIFROST_URL</c>).</summary>
    public bool UseEmulator => ServerUrl is null;

    /// <summary>The server root from <c>BIFROST_URL</c>, or null for the emulator.</summary>
    public Uri? ServerUrl { get; private init; }

    /// <summary>The credential from <c>BIFROST_TOKEN</c> or <c>BIFROST_BASIC</c>; <see cref="BifrostCredential.None"/> when neither is set.</summary>
    public BifrostCredential Credential { get; private init; } = BifrostCredential.None;

    /// <summary>The provider of the key to re-weight, from <c>BIFROST_PROVIDER</c>.</summary>
    public string? Provider { get; private init; }

    /// <summary>The id of the key to re-weight, from <c>BIFROST_KEY_ID</c>.</summary>
    public string? KeyId { get; private init; }

    /// <summary>The new weight, from <c>BIFROST_WEIGHT</c>.</summary>
    public double? Weight { get; private init; }

    /// <summary>Whether <c>BIFROST_ALLOW_INSECURE_HTTP</c> is <c>1</c> or <c>true</c>.</summary>
    public bool AllowInsecureHttp { get; private init; }

    /// <summary>Whether <c>--apply</c> was given.</summary>
    public bool Apply { get; private init; }

    /// <summary>Whether <c>--verbose</c> was given.</summary>
    public bool Verbose { get; private init; }

    /// <summary>Whether <c>--help</c> was given.</summary>
    public bool Help { get; private init; }

    /// <summary>Reads the settings.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="SampleUsageException">An argument or variable is invalid; the message says which.</exception>
    public static SampleSettings Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        bool apply = false, verbose = false, help = false;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--apply": apply = true; break;
                case "--verbose" or "-v": verbose = true; break;
                case "--help" or "-h" or "-?": help = true; break;
                default: throw new SampleUsageException($"Unknown argument '{arg}'.");
            }
        }

        string? Read(string name) => environment(name) is { Length: > 0 } value ? value.Trim() : null;

        var url = Read("BIFROST_URL");
        Uri? serverUrl = null;
        if (url is not null)
        {
            if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out serverUrl))
            {
                throw new SampleUsageException("BIFROST_URL is not an absolute URL, for example https://bifrost.example.com/.");
            }
        }

        var token = Read("BIFROST_TOKEN");
        var basic = Read("BIFROST_BASIC");
        if (token is not null && basic is not null)
        {
            throw new SampleUsageException("Set BIFROST_TOKEN or BIFROST_BASIC, not both.");
        }

        var credential = BifrostCredential.None;
        try
        {
            if (token is not null)
            {
                credential = BifrostCredential.BearerToken(token);
            }
            else if (basic is not null)
            {
                var colon = basic.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || colon == basic.Length - 1)
                {
                    throw new SampleUsageException("BIFROST_BASIC must have the form user:password.");
                }

                credential = BifrostCredential.Basic(basic[..colon], basic[(colon + 1)..]);
            }
        }
        catch (ArgumentException e)
        {
            // The SDK's messages describe the problem without echoing the secret.
            throw new SampleUsageException((token is not null ? "BIFROST_TOKEN: " : "BIFROST_BASIC: ") + FirstSentence(e.Message));
        }

        var provider = Read("BIFROST_PROVIDER");
        var keyId = Read("BIFROST_KEY_ID");
        if (keyId is not null && provider is null)
        {
            throw new SampleUsageException("BIFROST_KEY_ID needs BIFROST_PROVIDER too.");
        }

        double? weight = null;
        if (Read("BIFROST_WEIGHT") is { } weightText)
        {
            if (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w) || w < 0)
            {
                throw new SampleUsageException("BIFROST_WEIGHT must be a number >= 0, for example 0.5.");
            }

            weight = w;
        }

        if (serverUrl is null && (apply || provider is not null || token is not null || basic is not null))
        {
            throw new SampleUsageException("--apply, BIFROST_TOKEN, BIFROST_BASIC and BIFROST_PROVIDER need BIFROST_URL.");
        }

        return new SampleSettings
        {
            ServerUrl = serverUrl,
            Credential = credential,
            Provider = provider,
            KeyId = keyId,
            Weight = weight,
            AllowInsecureHttp = Read("BIFROST_ALLOW_INSECURE_HTTP") is "1" or "true" or "TRUE" or "True",
            Apply = apply,
            Verbose = verbose,
            Help = help,
        };
    }

    private static string FirstSentence(string message)
    {
        // ArgumentException appends " (Parameter 'token')"; keep the SDK's sentence only.
        var index = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return index < 0 ? message : message[..index];
    }
}
