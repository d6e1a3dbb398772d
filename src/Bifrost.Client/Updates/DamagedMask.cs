using Bifrost.Client.Masks;

namespace Bifrost.Client;

/// <summary>
/// Recognises a server mask that cannot be echoed back. The server cuts the first and last 4 <b>bytes</b> of a value
/// (CONTRACT §5.1); when that splits a non-ASCII character, its JSON encoder writes U+FFFD in place of the stray bytes.
/// Echoed back, such a mask is no longer 32 bytes long, so no generation recognises it, and it would be stored as the
/// credential.
/// </summary>
internal static class DamagedMask
{
    private const string StarRun = "************************";

    /// <summary>True when <paramref name="value"/> is a received literal whose mask would not be recognised if echoed.</summary>
    public static bool IsDamaged(SecretValue? value)
    {
        if (value is null || value.IsReference)
        {
            return false;
        }

        var text = value.Reveal();
        return text is not null
            && text.Contains('\uFFFD', StringComparison.Ordinal)
            && text.Contains(StarRun, StringComparison.Ordinal)
            && !MaskRules.IsRecognizedPlaceholder(text);
    }

    /// <summary>The refusal for <paramref name="path"/>.</summary>
    public static UnsafeUpdateException Refusal(string path) =>
        new(path, UnsafeUpdateReason.DamagedMask,
            $"Refusing to send the key: the server's mask of {path} is damaged (the stored secret has a non-ASCII character "
            + "where the server cuts it), so the server would not recognise it when sent back and would store the mask as the credential. "
            + $"Set {path} anew in the same edit (for example KeyEdits.RotateSecret(\"{path}\", …)).");
}
