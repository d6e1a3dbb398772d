namespace Bifrost.Client;

/// <summary>The kind of a <see cref="BifrostCredential"/>.</summary>
public enum BifrostCredentialKind
{
    /// <summary>No credential: for servers with dashboard authentication disabled.</summary>
    None = 0,

    /// <summary>A management API key or a dashboard session token, sent as <c>Authorization: Bearer …</c>.</summary>
    BearerToken = 1,

    /// <summary>A virtual key (<c>sk-bf-…</c>), sent as <c>Authorization: Bearer …</c>. Current servers refuse it on the management API.</summary>
    VirtualKey = 2,

    /// <summary>Admin user name and password, sent as <c>Authorization: Basic …</c>.</summary>
    Basic = 3,

    /// <summary>A callback that returns the current bearer token before every attempt (rotating tokens).</summary>
    TokenProvider = 4,
}
