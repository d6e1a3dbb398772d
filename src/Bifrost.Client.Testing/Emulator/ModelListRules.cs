using System.Text.Json.Nodes;

namespace Bifrost.Client.Testing.Emulator;

/// <summary><c>models</c> / <c>blacklisted_models</c> rules (CONTRACT §2, §7.2): no <c>*</c> mixed with other entries, no case-insensitive duplicates.</summary>
internal static class ModelListRules
{
    /// <summary>The first broken rule (message after the <c>Invalid models: </c> prefix), or <see langword="null"/>.</summary>
    /// <param name="models">The list.</param>
    /// <param name="listWord"><c>whitelist</c> or <c>blacklist</c>, as the server words it.</param>
    public static string? FindError(JsonArray? models, string listWord)
    {
        if (models is null || models.Count == 0)
        {
            return null;
        }

        var entries = models.Select(RawJson.Text).ToList();
        if (entries.Contains("*") && entries.Count > 1)
        {
            return $"wildcard '*' cannot be used with other values in the {listWord}";
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string entry in entries)
        {
            if (!seen.Add(entry))
            {
                return $"duplicate value '{entry}' in {listWord}";
            }
        }

        return null;
    }
}
