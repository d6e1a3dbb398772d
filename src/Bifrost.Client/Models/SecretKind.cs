namespace Bifrost.Client;

/// <summary>Where the server takes a secret's value from (CONTRACT §3).</summary>
public enum SecretKind
{
    /// <summary>A literal value stored by the server (<c>"type":"plain_text"</c>).</summary>
    PlainText = 0,

    /// <summary>A reference to an environment variable on the server (<c>env.NAME</c>).</summary>
    Environment = 1,

    /// <summary>A reference to a secret in the server's vault (<c>vault.path</c>, Enterprise).</summary>
    Vault = 2,
}
