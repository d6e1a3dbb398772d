using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Bifrost.Client;

/// <summary>
/// How the client authenticates to the Bifrost management API (<c>/api/*</c>). See <c>docs/authentication.md</c>
/// for which credential fits which server.
/// </summary>
/// <remarks>
/// The secret is kept private: <see cref="ToString"/> and the debugger display show only the <see cref="Kind"/>.
/// Credentials are never sent over plain <c>http://</c> to a host other than loopback unless
/// <see cref="BifrostClientOptions.AllowInsecureHttp"/> is set.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class BifrostCredential
{
    /// <summary>The prefix every Bifrost virtual key starts with.</summary>
    public const string VirtualKeyPrefix = "sk-bf-";

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string? _headerValue;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly Func<CancellationToken, ValueTask<string>>? _tokenProvider;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly AuthenticationHeaderValue? _fixedAuthorization;

    private BifrostCredential(BifrostCredentialKind kind, string? headerValue, Func<CancellationToken, ValueTask<string>>? tokenProvider)
    {
        Kind = kind;
        _headerValue = headerValue;
        _tokenProvider = tokenProvider;
        _fixedAuthorization = kind switch
        {
            BifrostCredentialKind.BearerToken or BifrostCredentialKind.VirtualKey => new AuthenticationHeaderValue("Bearer", headerValue),
            BifrostCredentialKind.Basic => new AuthenticationHeaderValue("Basic", headerValue),
            _ => null,
        };
    }

    /// <summary>
    /// The <c>Authorization</c> header of a fixed credential (bearer, virtual key, Basic), built once and shared by every
    /// request (the header object is immutable); null for <see cref="None"/> and token providers.
    /// </summary>
    internal AuthenticationHeaderValue? FixedAuthorization => _fixedAuthorization;

    /// <summary>No credential; for servers whose dashboard authentication is disabled.</summary>
    public static BifrostCredential None { get; } = new(BifrostCredentialKind.None, null, null);

    /// <summary>The kind of credential.</summary>
    public BifrostCredentialKind Kind { get; }

    /// <summary>
    /// A bearer token: an Enterprise management API key (Settings → API Keys) or a dashboard session token from
    /// <c>POST /api/session/login</c>. Sent as <c>Authorization: Bearer &lt;token&gt;</c>.
    /// </summary>
    /// <param name="token">The token. Must not be empty or contain whitespace, control or non-ASCII characters.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">The token is empty, contains whitespace, control or non-ASCII characters, or is a virtual key.</exception>
    public static BifrostCredential BearerToken(string token)
    {
        ValidateToken(token, nameof(token));
        if (token.StartsWith(VirtualKeyPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "This is a virtual key (sk-bf-…), not a management token. Use BifrostCredential.VirtualKey if you mean it; note that current servers refuse virtual keys on the management API.",
                nameof(token));
        }

        return new BifrostCredential(BifrostCredentialKind.BearerToken, token, null);
    }

    /// <summary>
    /// A virtual key (<c>sk-bf-…</c>), sent as <c>Authorization: Bearer sk-bf-…</c>. Current servers answer 401 on the
    /// management API; the client then throws a <see cref="BifrostAuthenticationException"/> that says so.
    /// </summary>
    /// <param name="virtualKey">The virtual key; must start with <c>sk-bf-</c>.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">The value does not start with <c>sk-bf-</c>, or contains whitespace, control or non-ASCII characters.</exception>
    public static BifrostCredential VirtualKey(string virtualKey)
    {
        ValidateToken(virtualKey, nameof(virtualKey));
        if (!virtualKey.StartsWith(VirtualKeyPrefix, StringComparison.Ordinal) || virtualKey.Length == VirtualKeyPrefix.Length)
        {
            throw new ArgumentException(
                "A Bifrost virtual key starts with 'sk-bf-'. For a management API key or session token use BifrostCredential.BearerToken.",
                nameof(virtualKey));
        }

        return new BifrostCredential(BifrostCredentialKind.VirtualKey, virtualKey, null);
    }

    /// <summary>The dashboard admin user name and password, sent as <c>Authorization: Basic base64(user:password)</c>.</summary>
    /// <param name="username">The admin user name; must not be empty or contain <c>:</c> or control characters.</param>
    /// <param name="password">The admin password; must not be empty or contain control characters.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentException">A value is empty or invalid.</exception>
    public static BifrostCredential Basic(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (username.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("The user name must not contain ':'.", nameof(username));
        }

        if (HasControlCharacter(username))
        {
            throw new ArgumentException("The user name must not contain control characters.", nameof(username));
        }

        if (HasControlCharacter(password))
        {
            throw new ArgumentException("The password must not contain control characters.", nameof(password));
        }

        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password));
        return new BifrostCredential(BifrostCredentialKind.Basic, encoded, null);
    }

    /// <summary>
    /// A callback that returns the current bearer token (a management API key or session token). It is called before
    /// every attempt, so a rotated token is used from the next request on. Cache inside the callback if fetching is costly.
    /// </summary>
    /// <param name="tokenProvider">Returns the token; receives the request's cancellation token.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tokenProvider"/> is null.</exception>
    public static BifrostCredential FromTokenProvider(Func<CancellationToken, ValueTask<string>> tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        return new BifrostCredential(BifrostCredentialKind.TokenProvider, null, tokenProvider);
    }

    /// <summary>Describes the credential by kind only; never prints the secret.</summary>
    /// <returns>For example <c>BifrostCredential { Kind = BearerToken }</c>.</returns>
    public override string ToString() => $"BifrostCredential {{ Kind = {Kind} }}";

    /// <summary>The <c>Authorization</c> header for one attempt, or null for <see cref="None"/>.</summary>
    internal async ValueTask<AuthenticationHeaderValue?> GetAuthorizationAsync(CancellationToken cancellationToken)
    {
        switch (Kind)
        {
            case BifrostCredentialKind.None:
                return null;
            case BifrostCredentialKind.Basic:
                return _fixedAuthorization;
            case BifrostCredentialKind.TokenProvider:
                var token = await _tokenProvider!(cancellationToken).ConfigureAwait(false);
                if (string.IsNullOrEmpty(token) || HasWhitespaceOrControl(token))
                {
                    throw new BifrostException("The token provider returned an empty token or one with whitespace, control or non-ASCII characters.");
                }

                return new AuthenticationHeaderValue("Bearer", token);
            default:
                return _fixedAuthorization;
        }
    }

    private static void ValidateToken(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, paramName);
        if (HasWhitespaceOrControl(value))
        {
            throw new ArgumentException("The value must be printable ASCII: no whitespace, control or non-ASCII characters.", paramName);
        }
    }

    private static bool HasControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasWhitespaceOrControl(string value)
    {
        foreach (var c in value)
        {
            // A header value is ASCII: anything else fails only when the request is sent.
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c > '\u007e')
            {
                return true;
            }
        }

        return false;
    }
}
