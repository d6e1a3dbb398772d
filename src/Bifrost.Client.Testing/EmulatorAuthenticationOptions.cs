namespace Bifrost.Client.Testing;

/// <summary>
/// Dashboard authentication of the emulated server (CONTRACT §8). Disabled by default, which leaves <c>/api/*</c> open.
/// </summary>
public sealed class EmulatorAuthenticationOptions
{
    /// <summary>
    /// Whether dashboard authentication is enabled. When it is, every <c>/api/*</c> request except the session
    /// routes needs <c>Authorization: Basic …</c> or <c>Authorization: Bearer …</c>, or it gets 401 <c>Unauthorized</c>.
    /// </summary>
    public bool IsEnabled { get; set; }

    /// <summary>The admin user name accepted by <c>Basic</c> authentication and by <c>POST /api/session/login</c>.</summary>
    public string? AdminUsername { get; set; }

    /// <summary>The admin password accepted by <c>Basic</c> authentication and by <c>POST /api/session/login</c>.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>
    /// Bearer tokens accepted on <c>/api/*</c>: management API keys or session tokens. Virtual keys
    /// (<c>sk-bf-…</c>) are never accepted, even when listed here.
    /// </summary>
    public ICollection<string> BearerTokens { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Whether the newest server's guard on endpoint changes applies (CONTRACT §8.4): while authentication is
    /// disabled, a POST or PUT that adds, changes or removes a dial target gets 403. Off by default.
    /// </summary>
    public bool GuardEndpointChangesWhenDisabled { get; set; }
}
