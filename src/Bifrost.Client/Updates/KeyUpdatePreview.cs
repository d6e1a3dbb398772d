using System.Diagnostics;
using System.Text;

namespace Bifrost.Client;

/// <summary>
/// The result of a dry run: what an edit would change and the full key that would be sent. Nothing was sent.
/// The edit already passed the same checks as a real update.
/// </summary>
/// <remarks><see cref="ToString"/> lists the changes with secrets masked; it never prints a secret.</remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class KeyUpdatePreview
{
    /// <summary>Creates a preview.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="changes">The changes, in wire order.</param>
    /// <param name="body">The full key that would be sent.</param>
    public KeyUpdatePreview(string provider, string keyId, IReadOnlyList<KeyChange> changes, ProviderKey body)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(body);
        Provider = provider;
        KeyId = keyId;
        Changes = changes;
        Body = body;
    }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The key id.</summary>
    public string KeyId { get; }

    /// <summary>The changes the edit makes, by wire path; empty when the edit changes nothing.</summary>
    public IReadOnlyList<KeyChange> Changes { get; }

    /// <summary>The full key that would be sent: untouched secrets exactly as received, replaced ones as new values.</summary>
    public ProviderKey Body { get; }

    /// <summary>True when the edit changes at least one field.</summary>
    public bool HasChanges => Changes.Count > 0;

    /// <summary>Lists the changes, one per line, with secrets masked.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Update of key ").Append(KeyId).Append(" (").Append(Provider).Append("): ");
        if (Changes.Count == 0)
        {
            return text.Append("no changes").ToString();
        }

        text.Append(Changes.Count).Append(Changes.Count == 1 ? " change" : " changes");
        foreach (var change in Changes)
        {
            text.AppendLine().Append("  ").Append(change);
        }

        return text.ToString();
    }
}
