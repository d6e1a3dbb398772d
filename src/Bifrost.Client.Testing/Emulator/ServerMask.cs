using System.Text;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// The server's mask format and mask recognition, written from CONTRACT §5.1 (<c>Redacted()</c>) and §5.3
/// (<c>IsRedacted</c>). Independent of the client's mask code on purpose.
/// </summary>
/// <remarks>
/// The server is written in Go: <c>len()</c> and slicing count UTF-8 <b>bytes</b>, not characters. A mask of a
/// non-ASCII value therefore keeps the first and last 4 bytes, which can split a character; Go's JSON encoder then
/// writes each stray byte as U+FFFD. Both are emulated here.
/// </remarks>
internal static class ServerMask
{
    private const int StarRun = 24;
    private const int LongMaskBytes = 32;
    private const int ShortMaskMaxBytes = 8;

    /// <summary>§5.1: <c>""</c> → <c>""</c>; up to 8 bytes → that many stars; longer → first 4 bytes + 24 stars + last 4 bytes.</summary>
    public static string Redact(string raw)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(raw);
        if (utf8.Length == 0)
        {
            return "";
        }

        if (utf8.Length <= ShortMaskMaxBytes)
        {
            return new string('*', utf8.Length);
        }

        var mask = new byte[LongMaskBytes];
        utf8.AsSpan(0, 4).CopyTo(mask);
        mask.AsSpan(4, StarRun).Fill((byte)'*');
        utf8.AsSpan(utf8.Length - 4).CopyTo(mask.AsSpan(4 + StarRun));
        return DecodeLikeGoJson(mask);
    }

    /// <summary>
    /// §5.3 rules 3–5 for a literal (references are handled before), lengths in UTF-8 bytes: all stars up to 8 bytes,
    /// the 32-byte form whose bytes [4, 28) are stars, or the redacted sentinel (SecretVar era:
    /// <c>&lt;redacted&gt;</c>/<c>[redacted]</c> in any case; EnvVar era: exactly <c>&lt;redacted&gt;</c>).
    /// </summary>
    public static bool IsPlaceholder(string literal, EmulatorWireEra era)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(literal);
        if (utf8.Length == 0)
        {
            return false;
        }

        if (utf8.Length <= ShortMaskMaxBytes && utf8.AsSpan().IndexOfAnyExcept((byte)'*') < 0)
        {
            return true;
        }

        if (utf8.Length == LongMaskBytes && utf8.AsSpan(4, StarRun).IndexOfAnyExcept((byte)'*') < 0)
        {
            return true;
        }

        return era == EmulatorWireEra.EnvVar
            ? string.Equals(literal, "<redacted>", StringComparison.Ordinal)
            : string.Equals(literal, "<redacted>", StringComparison.OrdinalIgnoreCase)
              || string.Equals(literal, "[redacted]", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Decodes bytes the way Go's <c>encoding/json</c> writes a string that is not valid UTF-8: every byte that does not
    /// start a valid sequence becomes one U+FFFD.
    /// </summary>
    private static string DecodeLikeGoJson(ReadOnlySpan<byte> utf8)
    {
        var text = new StringBuilder(utf8.Length);
        while (!utf8.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8, out System.Text.Rune rune, out int consumed) == System.Buffers.OperationStatus.Done)
            {
                text.Append(rune.ToString());
                utf8 = utf8[consumed..];
            }
            else
            {
                text.Append('\uFFFD');
                utf8 = utf8[1..];
            }
        }

        return text.ToString();
    }
}
