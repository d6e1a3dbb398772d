namespace Bifrost.Client.Testing;

/// <summary>
/// The generation of the server's update merge that the emulator plays (CONTRACT §6.2).
/// </summary>
public enum ServerGeneration
{
    /// <summary>
    /// v1.5.0 and later (2026-04): a placeholder is restored only when it is byte-equal to the current mask;
    /// any other recognised mask is stored as the secret; an omitted <c>name</c> is stored as <c>""</c>.
    /// </summary>
    A,

    /// <summary>
    /// PR #5106 (v1.6.4, 2026-07): any recognised placeholder is restored; <c>replicate_key_config</c> is kept
    /// when omitted; <c>config_hash</c>/<c>status</c> are copied from the stored key.
    /// </summary>
    B,

    /// <summary>
    /// The newest server: generation B plus a 400 for a placeholder with no stored value, the stored
    /// <c>name</c> kept when omitted, and the required-field checks of every provider.
    /// </summary>
    C,
}
