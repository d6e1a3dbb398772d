namespace Bifrost.Client;

/// <summary>Options of the safe-update helper (<c>UpdateKeyAsync(provider, keyId, edit, options)</c> and its preview).</summary>
/// <remarks>
/// Explicit intents (clearing a secret, removing a block, denying all models) are not options: they are expressed in
/// the edit itself (<see cref="SecretValue.Empty"/>, <see cref="ProviderKey.RemoveConfig()"/>,
/// <see cref="ProviderKey.RemoveMember(string)"/>, <see cref="ProviderKey.DenyAllModels"/>), so the intent sits next to the change.
/// </remarks>
public sealed class UpdateKeyOptions
{
    /// <summary>The defaults: verify unchanged, no base-provider hint.</summary>
    public static UpdateKeyOptions Default { get; } = new();

    /// <summary>
    /// Re-read the key right before sending and refuse with <see cref="KeyChangedException"/> if it changed since the
    /// first read. Default <see langword="true"/>. The comparison ignores <c>status</c> and <c>description</c>, which
    /// model discovery rewrites on its own. Costs one extra GET.
    /// </summary>
    public bool VerifyUnchanged { get; init; } = true;

    /// <summary>
    /// For a custom provider: the built-in provider it is based on (for example <c>azure</c> or <c>openai</c>), so the
    /// guard can check the fields the server requires for that base. Without it, provider-specific checks are skipped
    /// for names that are not built-in. Default <see langword="null"/>.
    /// </summary>
    public string? BaseProvider { get; init; }
}
