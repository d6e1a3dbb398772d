using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Bifrost.Client.DependencyInjection;

/// <summary>
/// Binds <see cref="BifrostClientOptions"/> from configuration by hand: trimming- and AOT-safe, and the credential
/// keys become a <see cref="BifrostCredential"/>. Error messages name the key, never a secret value.
/// </summary>
internal static class BifrostClientOptionsBinder
{
    public static void Bind(IConfiguration section, BifrostClientOptions options)
    {
        if (section["BaseAddress"] is { Length: > 0 } baseAddress)
        {
            options.BaseAddress = Uri.TryCreate(baseAddress, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"Configuration key '{Path(section, "BaseAddress")}' is not an absolute URI.");
        }

        var token = section["Token"];
        var virtualKey = section["VirtualKey"];
        var username = section["Username"];
        var password = section["Password"];
        var given = (string.IsNullOrEmpty(token) ? 0 : 1) + (string.IsNullOrEmpty(virtualKey) ? 0 : 1) + (string.IsNullOrEmpty(username) && string.IsNullOrEmpty(password) ? 0 : 1);
        if (given > 1)
        {
            throw new InvalidOperationException($"Configuration section '{(section as IConfigurationSection)?.Path}' sets more than one of Token, VirtualKey and Username/Password; choose one.");
        }

        try
        {
            if (!string.IsNullOrEmpty(token))
            {
                options.Credential = BifrostCredential.BearerToken(token);
            }
            else if (!string.IsNullOrEmpty(virtualKey))
            {
                options.Credential = BifrostCredential.VirtualKey(virtualKey);
            }
            else if (!string.IsNullOrEmpty(username) || !string.IsNullOrEmpty(password))
            {
                options.Credential = BifrostCredential.Basic(username ?? string.Empty, password ?? string.Empty);
            }
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Configuration section '{(section as IConfigurationSection)?.Path}' has an invalid credential: {ex.Message}", ex);
        }

        if (section["AllowInsecureHttp"] is { Length: > 0 } insecure)
        {
            options.AllowInsecureHttp = bool.TryParse(insecure, out var b)
                ? b
                : throw new InvalidOperationException($"Configuration key '{Path(section, "AllowInsecureHttp")}' must be true or false.");
        }

        if (section["MaxRetries"] is { Length: > 0 } retries)
        {
            options.MaxRetries = int.TryParse(retries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new InvalidOperationException($"Configuration key '{Path(section, "MaxRetries")}' must be an integer.");
        }

        options.RetryBaseDelay = ReadTimeSpan(section, "RetryBaseDelay") ?? options.RetryBaseDelay;
        options.MaxRetryDelay = ReadTimeSpan(section, "MaxRetryDelay") ?? options.MaxRetryDelay;
        options.MaxRetryAfter = ReadTimeSpan(section, "MaxRetryAfter") ?? options.MaxRetryAfter;
        options.AttemptTimeout = ReadTimeSpan(section, "AttemptTimeout") ?? options.AttemptTimeout;
        options.Timeout = ReadTimeSpan(section, "Timeout") ?? options.Timeout;
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Configuration key '{Path(section, key)}' must be a time span such as 00:00:30.");
    }

    private static string Path(IConfiguration section, string key) =>
        section is IConfigurationSection s && s.Path.Length > 0 ? s.Path + ":" + key : key;
}
