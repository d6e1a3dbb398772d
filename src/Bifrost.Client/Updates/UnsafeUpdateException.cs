namespace Bifrost.Client;

/// <summary>
/// Thrown before anything is sent when an edit of a key would destroy or corrupt stored data: a mask sent as a new
/// secret, a dropped secret or block, an emptied model list, a missing required field, or an invalid weight.
/// </summary>
/// <remarks>The message names the field by its wire path and says how to fix the edit; it never contains a secret value.</remarks>
public sealed class UnsafeUpdateException : BifrostException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fieldPath">The wire path of the offending field, for example <c>azure_key_config.client_secret</c>.</param>
    /// <param name="reason">Why the edit was refused.</param>
    /// <param name="message">The full message; must not contain a secret value.</param>
    public UnsafeUpdateException(string fieldPath, UnsafeUpdateReason reason, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(fieldPath);
        FieldPath = fieldPath;
        Reason = reason;
    }

    /// <summary>The wire path of the offending field, for example <c>azure_key_config.client_secret</c> or <c>models</c>.</summary>
    public string FieldPath { get; }

    /// <summary>Why the edit was refused.</summary>
    public UnsafeUpdateReason Reason { get; }
}
