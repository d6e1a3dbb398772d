using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// Management authentication (CONTRACT §8.1, §8.2): Basic admin credentials, Bearer management tokens or
/// session tokens, the legacy <c>Bearer base64(user:pass)</c>; virtual keys (<c>sk-bf-…</c>) are never accepted.
/// </summary>
internal sealed class AuthGate
{
    private const string VirtualKeyPrefix = "sk-bf-";
    private readonly EmulatorAuthenticationOptions _options;
    private readonly ConcurrentDictionary<string, byte> _tokens = new(StringComparer.Ordinal);

    public AuthGate(EmulatorAuthenticationOptions options)
    {
        _options = options;
        foreach (string token in options.BearerTokens)
        {
            _tokens[token] = 0;
        }

        IsEnabled = options.IsEnabled;
        GuardEndpointChanges = options.GuardEndpointChangesWhenDisabled;
    }

    public bool IsEnabled { get; }

    /// <summary>The §8.4 guard applies (auth disabled and the guard switched on).</summary>
    public bool GuardEndpointChanges { get; }

    /// <summary>Whether an <c>Authorization</c> header value passes management auth.</summary>
    public bool IsAuthorized(string? authorization)
    {
        if (!IsEnabled)
        {
            return true;
        }

        if (authorization is null)
        {
            return false;
        }

        // The scheme word is matched case-sensitively.
        if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return IsAdminPair(authorization["Basic ".Length..].Trim());
        }

        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        string token = authorization["Bearer ".Length..].Trim();
        if (token.Length == 0 || token.StartsWith(VirtualKeyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return _tokens.ContainsKey(token) || IsAdminPair(token);
    }

    /// <summary>Checks login credentials; returns a new session token, or <see langword="null"/>.</summary>
    public string? Login(string? username, string? password)
    {
        if (!IsAdminCredentials(username, password))
        {
            return null;
        }

        string token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _tokens[token] = 0;
        return token;
    }

    /// <summary>Registers an extra bearer token at run time.</summary>
    public void AddToken(string token)
    {
        _tokens[token] = 0;
    }

    private bool IsAdminPair(string base64)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return false;
        }

        int colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && IsAdminCredentials(decoded[..colon], decoded[(colon + 1)..]);
    }

    private bool IsAdminCredentials(string? username, string? password) =>
        !string.IsNullOrEmpty(_options.AdminUsername)
        && string.Equals(username, _options.AdminUsername, StringComparison.Ordinal)
        && string.Equals(password, _options.AdminPassword, StringComparison.Ordinal);
}
