namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// A raw stored secret in input form (CONTRACT Appendix A): a literal, or <c>env.NAME</c> / <c>vault.PATH</c>.
/// </summary>
internal static class SecretText
{
    public const string EnvPrefix = "env.";
    public const string VaultPrefix = "vault.";

    /// <summary>§3.1: there is no escape: a string with a reference prefix is a reference (vault only in the SecretVar era).</summary>
    public static bool IsReference(string text, EmulatorWireEra era) =>
        text.StartsWith(EnvPrefix, StringComparison.Ordinal)
        || (era == EmulatorWireEra.SecretVar && text.StartsWith(VaultPrefix, StringComparison.Ordinal));

    /// <summary>The reference type word of the SecretVar era (<c>env</c> or <c>vault</c>).</summary>
    public static string ReferenceType(string text) =>
        text.StartsWith(EnvPrefix, StringComparison.Ordinal) ? "env" : "vault";
}
