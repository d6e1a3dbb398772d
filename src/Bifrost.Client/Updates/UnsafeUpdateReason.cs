namespace Bifrost.Client;

/// <summary>Why the safe-update helper refused an edit before sending it (see docs/safe-updates.md).</summary>
public enum UnsafeUpdateReason
{
    /// <summary>A new secret value looks like a mask or a partial mask; older servers would store it as the real credential.</summary>
    MaskAsNewValue = 0,

    /// <summary>A secret the stored key has was set to <see langword="null"/>; assign <see cref="SecretValue.Empty"/> to clear it on purpose.</summary>
    SecretDropped = 1,

    /// <summary>A configuration block (modelled or not) disappeared; call <see cref="ProviderKey.RemoveConfig()"/> or <see cref="ProviderKey.RemoveMember(string)"/> to remove it on purpose.</summary>
    ConfigBlockDropped = 2,

    /// <summary>A field the stored key has was set to <see langword="null"/>; the server would store its zero value (weight 0, enabled true, …) or wipe an unmodelled member.</summary>
    FieldDropped = 3,

    /// <summary>The model list was emptied, which the server reads as "deny all"; call <see cref="ProviderKey.DenyAllModels"/> to mean it.</summary>
    ModelsEmptied = 4,

    /// <summary><c>models</c> or <c>blacklisted_models</c> mixes <c>*</c> with other entries, repeats an entry (case-insensitively) or holds a null entry; the server rejects it.</summary>
    InvalidModelList = 5,

    /// <summary>A field the server requires is missing or empty: <c>name</c>, the key <c>value</c>, or a provider-specific field such as <c>azure_key_config.endpoint</c>.</summary>
    RequiredFieldMissing = 6,

    /// <summary>The weight is negative, NaN or infinite.</summary>
    InvalidWeight = 7,

    /// <summary>
    /// An untouched secret's mask came back damaged (a non-ASCII character cut where the server cuts the value); no
    /// server would recognise it when sent back, so it would be stored as the credential. Set the secret anew.
    /// </summary>
    DamagedMask = 8,
}
