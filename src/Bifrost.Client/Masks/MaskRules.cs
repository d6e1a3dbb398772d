using System.Text;

namespace Bifrost.Client.Masks;

/// <summary>
/// The server's rules for recognising a redacted secret, written once.
/// CONTRACT §5.1 (format) and §5.3 (recognition, <c>IsRedacted</c>).
/// </summary>
internal static class MaskRules
{
    /// <summary>Length of a long mask: 4 visible + 24 stars + 4 visible (CONTRACT §5.1).</summary>
    public const int LongMaskLength = 32;

    /// <summary>Longest value that is masked entirely with stars (CONTRACT §5.1).</summary>
    public const int ShortMaskMaxLength = 8;

    /// <summary>
    /// True when the newest server recognises <paramref name="text"/> as a placeholder (CONTRACT §5.3 rules 3 to 5).
    /// References are not placeholders; callers check that separately (rule 2).
    /// </summary>
    /// <remarks>
    /// The server is written in Go, where a string's length and indexes count UTF-8 bytes; so do these rules.
    /// For ASCII text (every mask the server makes of an ASCII value) bytes and characters are the same.
    /// </remarks>
    public static bool IsRecognizedPlaceholder(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false; // rule 1
        }

        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount <= ShortMaskMaxLength)
        {
            return IsAllStars(text.AsSpan()); // rule 3 (a short value that is not all stars is never a mask)
        }

        if (byteCount == LongMaskLength && HasLongMaskMiddle(text))
        {
            return true; // rule 4
        }

        // rule 5 (newest): <redacted> or [redacted], any case.
        return string.Equals(text, "<redacted>", StringComparison.OrdinalIgnoreCase)
            || string.Equals(text, "[redacted]", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when <paramref name="text"/> looks like any kind of redaction a human might paste: a recognised
    /// placeholder, a run of three or more <c>*</c> or <c>•</c>, an ellipsis, or a redaction sentinel. Used to refuse new
    /// secret values that would be stored as credentials by older servers.
    /// </summary>
    public static bool LooksLikeRedaction(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (IsRecognizedPlaceholder(text))
        {
            return true;
        }

        return text.Contains("***", StringComparison.Ordinal)
            || text.Contains("\u2022\u2022\u2022", StringComparison.Ordinal)
            || text.Contains('\u2026')
            || text.Contains("...", StringComparison.Ordinal)
            || text.Contains("redacted", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The server's mask of a raw value (CONTRACT §5.1). Only for test factories: the client never sends masks it built.</summary>
    public static string Redact(string raw)
    {
        if (raw.Length == 0)
        {
            return string.Empty;
        }

        if (raw.Length <= ShortMaskMaxLength)
        {
            return new string('*', raw.Length);
        }

        return string.Concat(raw.AsSpan(0, 4), new string('*', 24), raw.AsSpan(raw.Length - 4));
    }

    // Bytes [4, 28) of the UTF-8 text are all '*'. A '*' byte is never part of a multi-byte character.
    private static bool HasLongMaskMiddle(string text)
    {
        Span<byte> utf8 = stackalloc byte[LongMaskLength];
        Encoding.UTF8.GetBytes(text, utf8);
        foreach (var b in utf8[4..28])
        {
            if (b != (byte)'*')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllStars(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c != '*')
            {
                return false;
            }
        }

        return true;
    }
}
