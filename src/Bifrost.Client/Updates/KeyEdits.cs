namespace Bifrost.Client;

/// <summary>
/// Ready-made edits for the common jobs, to pass to the safe-update helper
/// (<c>client.UpdateKeyAsync(provider, keyId, KeyEdits.SetWeight(0.5))</c>). Each returns an
/// <see cref="Action{ProviderKey}"/> that edits a key in place; combine several with <see cref="Combine"/>.
/// Arguments are validated when the edit is built, before any request.
/// </summary>
public static class KeyEdits
{
    /// <summary>Replaces the key's <c>value</c> (its API key) with a new literal or reference.</summary>
    /// <param name="newValue">The new secret, made by <see cref="SecretValue.Literal(string)"/>, <see cref="SecretValue.FromEnvironment(string)"/> or <see cref="SecretValue.FromVault(string)"/>.</param>
    /// <returns>The edit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="newValue"/> is null.</exception>
    public static Action<ProviderKey> RotateSecret(SecretValue newValue) => RotateSecret("value", newValue);

    /// <summary>Replaces one secret field, named by its wire path (<c>value</c>, <c>azure_key_config.client_secret</c>, <c>bedrock_key_config.secret_key</c>, …).</summary>
    /// <param name="path">The wire path of a secret field of a modelled block; the key must have that block when the edit runs.</param>
    /// <param name="newValue">The new secret.</param>
    /// <returns>The edit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="newValue"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a secret field path.</exception>
    public static Action<ProviderKey> RotateSecret(string path, SecretValue newValue)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(newValue);
        if (!SecretPaths.Supported.Contains(path, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{path}' is not a secret field path. Supported: {string.Join(", ", SecretPaths.Supported)}.", nameof(path));
        }

        return key => SecretPaths.Set(key, path, newValue);
    }

    /// <summary>Sets the load-balancing weight.</summary>
    /// <param name="weight">A finite number of zero or more (the official UI uses 0 to 1).</param>
    /// <returns>The edit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is negative, NaN or infinite.</exception>
    public static Action<ProviderKey> SetWeight(double weight)
    {
        if (double.IsNaN(weight) || double.IsInfinity(weight) || weight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The weight must be a finite number of zero or more.");
        }

        return key => key.Weight = weight;
    }

    /// <summary>
    /// Lets the key serve these models: adds them to <c>models</c> (unless it already allows all with <c>*</c>) and takes
    /// them off <c>blacklisted_models</c>, which would otherwise win. Matching is case-insensitive, like the server's.
    /// </summary>
    /// <param name="models">Model names; not <c>*</c> (use <see cref="AllowAllModels"/>).</param>
    /// <returns>The edit.</returns>
    /// <exception cref="ArgumentException">No model, or a null, blank or <c>*</c> entry.</exception>
    public static Action<ProviderKey> AllowModels(params string[] models)
    {
        var names = ValidateModels(models);
        return key =>
        {
            var list = new List<string>(key.Models);
            if (!list.Contains("*", StringComparer.Ordinal))
            {
                AddMissing(list, names);
                key.Models = list;
            }

            key.BlacklistedModels = key.BlacklistedModels.Where(m => !names.Contains(m, StringComparer.OrdinalIgnoreCase)).ToList();
        };
    }

    /// <summary>Lets the key serve every model (<c>models = ["*"]</c>). Blocked models stay blocked.</summary>
    /// <returns>The edit.</returns>
    public static Action<ProviderKey> AllowAllModels() => key => key.Models = new List<string> { "*" };

    /// <summary>
    /// Takes these models off <c>models</c>. If that leaves the list empty the update is refused (an empty list means
    /// "deny all"); use <see cref="DenyAllModels"/> for that, or <see cref="BlockModels"/> to block models on a key that allows all.
    /// </summary>
    /// <param name="models">Model names, matched case-insensitively.</param>
    /// <returns>The edit.</returns>
    /// <exception cref="ArgumentException">No model, or a null, blank or <c>*</c> entry.</exception>
    public static Action<ProviderKey> RemoveModels(params string[] models)
    {
        var names = ValidateModels(models);
        return key => key.Models = key.Models.Where(m => !names.Contains(m, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>Blocks these models (adds them to <c>blacklisted_models</c>, which wins over <c>models</c>), unless all are already blocked.</summary>
    /// <param name="models">Model names; not <c>*</c>.</param>
    /// <returns>The edit.</returns>
    /// <exception cref="ArgumentException">No model, or a null, blank or <c>*</c> entry.</exception>
    public static Action<ProviderKey> BlockModels(params string[] models)
    {
        var names = ValidateModels(models);
        return key =>
        {
            var list = new List<string>(key.BlacklistedModels);
            if (!list.Contains("*", StringComparer.Ordinal))
            {
                AddMissing(list, names);
                key.BlacklistedModels = list;
            }
        };
    }

    /// <summary>Unblocks these models (removes them from <c>blacklisted_models</c>).</summary>
    /// <param name="models">Model names, matched case-insensitively.</param>
    /// <returns>The edit.</returns>
    /// <exception cref="ArgumentException">No model, or a null, blank or <c>*</c> entry.</exception>
    public static Action<ProviderKey> UnblockModels(params string[] models)
    {
        var names = ValidateModels(models);
        return key => key.BlacklistedModels = key.BlacklistedModels.Where(m => !names.Contains(m, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>Makes the key serve no model at all, on purpose (see <see cref="ProviderKey.DenyAllModels"/>).</summary>
    /// <returns>The edit.</returns>
    public static Action<ProviderKey> DenyAllModels() => key => key.DenyAllModels();

    /// <summary>Enables the key.</summary>
    /// <returns>The edit.</returns>
    public static Action<ProviderKey> Enable() => key => key.Enabled = true;

    /// <summary>Disables the key; its secrets and settings are kept.</summary>
    /// <returns>The edit.</returns>
    public static Action<ProviderKey> Disable() => key => key.Enabled = false;

    /// <summary>Adds or replaces an alias from a model name to a provider model or deployment.</summary>
    /// <param name="model">The model name callers use.</param>
    /// <param name="alias">What it maps to; a string converts implicitly.</param>
    /// <returns>The edit.</returns>
    /// <exception cref="ArgumentException"><paramref name="model"/> is blank or padded with white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="alias"/> is null.</exception>
    public static Action<ProviderKey> SetAlias(string model, ModelAlias alias)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(alias);
        if (model.Trim().Length != model.Length)
        {
            throw new ArgumentException("The alias name must not start or end with white space; the server rejects it.", nameof(model));
        }

        return key => key.Aliases[model] = alias;
    }

    /// <summary>Removes an alias (and any secret overrides it carries).</summary>
    /// <param name="model">The alias name.</param>
    /// <returns>The edit.</returns>
    /// <exception cref="ArgumentException"><paramref name="model"/> is null or blank.</exception>
    public static Action<ProviderKey> RemoveAlias(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return key => key.Aliases.Remove(model);
    }

    /// <summary>Runs several edits in order as one.</summary>
    /// <param name="edits">The edits.</param>
    /// <returns>The combined edit.</returns>
    /// <exception cref="ArgumentException">No edit, or a null edit.</exception>
    public static Action<ProviderKey> Combine(params Action<ProviderKey>[] edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        if (edits.Length == 0 || edits.Any(e => e is null))
        {
            throw new ArgumentException("Pass at least one edit and no null edit.", nameof(edits));
        }

        var copy = (Action<ProviderKey>[])edits.Clone();
        return key =>
        {
            foreach (var edit in copy)
            {
                edit(key);
            }
        };
    }

    private static string[] ValidateModels(string[] models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Length == 0)
        {
            throw new ArgumentException("Pass at least one model.", nameof(models));
        }

        foreach (var model in models)
        {
            if (string.IsNullOrWhiteSpace(model) || model == "*")
            {
                throw new ArgumentException("Model names must not be null, blank or '*'.", nameof(models));
            }
        }

        return (string[])models.Clone();
    }

    private static void AddMissing(List<string> list, string[] names)
    {
        foreach (var name in names)
        {
            if (!list.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(name);
            }
        }
    }
}
