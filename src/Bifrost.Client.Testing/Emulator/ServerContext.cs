namespace Bifrost.Client.Testing.Emulator;

/// <summary>The settings of the emulated server that the rules read: generation, era, environment.</summary>
internal sealed class ServerContext
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _environment;
    private readonly Dictionary<string, string> _vault;

    public ServerContext(BifrostEmulatorOptions options)
    {
        Generation = options.Generation;
        Era = options.WireEra;
        MaskLiteralRegionsAndUrls = options.MaskLiteralRegionsAndUrls;
        CreatedKeyStatus = options.CreatedKeyStatus;
        _environment = new Dictionary<string, string>(options.EnvironmentVariables, StringComparer.Ordinal);
        _vault = new Dictionary<string, string>(options.VaultSecrets, StringComparer.Ordinal);
    }

    public ServerGeneration Generation { get; }

    public EmulatorWireEra Era { get; }

    public bool MaskLiteralRegionsAndUrls { get; }

    public string CreatedKeyStatus { get; }

    public void SetEnvironmentVariable(string name, string? value)
    {
        lock (_gate)
        {
            if (value is null)
            {
                _environment.Remove(name);
            }
            else
            {
                _environment[name] = value;
            }
        }
    }

    /// <summary>Resolves a reference; <see langword="null"/> when the server cannot resolve it.</summary>
    public string? Resolve(string reference)
    {
        lock (_gate)
        {
            if (reference.StartsWith(SecretText.EnvPrefix, StringComparison.Ordinal))
            {
                return _environment.TryGetValue(reference[SecretText.EnvPrefix.Length..], out string? v) ? v : null;
            }

            return _vault.TryGetValue(reference[SecretText.VaultPrefix.Length..], out string? s) ? s : null;
        }
    }
}
