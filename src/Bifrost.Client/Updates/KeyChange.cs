using System.Diagnostics;

namespace Bifrost.Client;

/// <summary>
/// One change an edit makes to a key, named by wire path (for example <c>weight</c>, <c>models</c>,
/// <c>azure_key_config.client_secret</c>). Safe to display and log.
/// </summary>
/// <remarks>
/// <see cref="Before"/> and <see cref="After"/> are display strings. Secrets are shown only as the server's mask, the
/// reference name, <c>(secret)</c>, <c>(empty)</c> or <c>(new secret)</c>; strings inside members the SDK does not
/// model are shown as <c>(hidden)</c> unless they are masks. For <c>models</c> and <c>blacklisted_models</c> each entry
/// added or removed is its own change.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class KeyChange
{
    /// <summary>Creates a change.</summary>
    /// <param name="path">The wire path.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="before">The display of the old value, or <see langword="null"/> when added. Must not contain a secret.</param>
    /// <param name="after">The display of the new value, or <see langword="null"/> when removed. Must not contain a secret.</param>
    public KeyChange(string path, KeyChangeKind kind, string? before, string? after)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        Kind = kind;
        Before = before;
        After = after;
    }

    /// <summary>The wire path of the field, for example <c>azure_key_config.endpoint</c> or <c>aliases.gpt-4o.model_id</c>.</summary>
    public string Path { get; }

    /// <summary>What happened to the field.</summary>
    public KeyChangeKind Kind { get; }

    /// <summary>The old value for display (secrets masked), or <see langword="null"/> when the field was added.</summary>
    public string? Before { get; }

    /// <summary>The new value for display (secrets masked), or <see langword="null"/> when the field was removed.</summary>
    public string? After { get; }

    /// <summary>Describes the change, for example <c>weight: Changed 1 -> 0.5</c>.</summary>
    public override string ToString() => Kind switch
    {
        KeyChangeKind.Added => $"{Path}: Added {After}",
        KeyChangeKind.Removed => $"{Path}: Removed {Before}",
        _ => $"{Path}: Changed {Before} -> {After}",
    };
}
