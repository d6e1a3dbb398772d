namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// The server's mask format and mask recognition, written from CONTRACT §5.1 (<c>Redacted()</c>) and §5.3
/// (<c>IsRedacted</c>). Independent of the client's mask code on purpose.
/// </summary>
internal static class ServerMask
{
    private const int StarRun = 24;

    /// <summary>§5.1: <c>""</c> → <c>""</c>; up to 8 chars → all stars; longer → 4 + 24 stars + 4.</summary>
    public static string Redact(string raw)
    {
        if (raw.Length == 0)
        {
            return "";
        }

        if (raw.Length <= 8)
        {
            return new string('*', raw.Length);
        }

        return string.Concat(raw.AsSpan(0, 4), new string('*', StarRun), raw.AsSpan(raw.Length - 4));
    }

    /// <summary>
    /// §5.3 rules 3–5 for a literal (references are handled before): all stars up to 8, the 32-char 4+24+4 form,
    /// or the redacted sentinel (SecretVar era: <c>&lt;redacted&gt;</c>/<c>[redacted]</c> in any case; EnvVar era:
    /// exactly <c>&lt;redacted&gt;</c>).
    /// </summary>
    public static bool IsPlaceholder(string literal, EmulatorWireEra era)
    {
        if (literal.Length == 0)
        {
            return false;
        }

        if (literal.Length <= 8 && literal.All(c => c == '*'))
        {
            return true;
        }

        if (literal.Length == 32 && literal.AsSpan(4, StarRun).IndexOfAnyExcept('*') < 0)
        {
            return true;
        }

        return era == EmulatorWireEra.EnvVar
            ? string.Equals(literal, "<redacted>", StringComparison.Ordinal)
            : string.Equals(literal, "<redacted>", StringComparison.OrdinalIgnoreCase)
              || string.Equals(literal, "[redacted]", StringComparison.OrdinalIgnoreCase);
    }
}
