using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// The newest server's checks on literal URLs and regions (CONTRACT §7.2): a URL may not point at a
/// link-local, metadata or unspecified address (loopback and private are allowed); a region must match
/// <c>^[a-z0-9][a-z0-9-]{0,62}$</c>. References and unchanged values are skipped.
/// </summary>
internal static partial class KeyUrlRules
{
    private const string RegionPattern = "^[a-z0-9][a-z0-9-]{0,62}$";

    [GeneratedRegex(RegionPattern, RegexOptions.CultureInvariant)]
    private static partial Regex RegionRegex();

    /// <summary>The first broken rule as <c>&lt;field&gt;: &lt;reason&gt;</c>, or <see langword="null"/>.</summary>
    public static string? FindError(JsonObject key, JsonObject? stored)
    {
        foreach (BlockSchema block in KeySchema.Blocks)
        {
            if (key[block.Name] is JsonObject config
                && FindBlockError(block, block.Name, config, stored?[block.Name] as JsonObject) is { } error)
            {
                return error;
            }
        }

        if (key["aliases"] is JsonObject aliases)
        {
            foreach ((string source, JsonNode? target) in aliases)
            {
                if (target is not JsonObject alias)
                {
                    continue;
                }

                JsonObject? storedAlias = (stored?["aliases"] as JsonObject)?[source] as JsonObject;
                string path = "aliases." + source;
                if (Check(path + ".endpoint", alias["endpoint"], storedAlias?["endpoint"], isUrl: true) is { } url)
                {
                    return url;
                }

                if (Check(path + ".region", alias["region"], storedAlias?["region"], isUrl: false) is { } region)
                {
                    return region;
                }
            }
        }

        return null;
    }

    private static string? FindBlockError(BlockSchema schema, string path, JsonObject config, JsonObject? stored)
    {
        foreach (FieldSchema field in schema.Fields)
        {
            string fieldPath = path + "." + field.Name;
            string? error = field switch
            {
                { Kind: FieldKind.Block, Nested: { } nested } when config[field.Name] is JsonObject inner =>
                    FindBlockError(nested, fieldPath, inner, stored?[field.Name] as JsonObject),
                { IsUrl: true } => Check(fieldPath, config[field.Name], stored?[field.Name], isUrl: true),
                { IsRegion: true } => Check(fieldPath, config[field.Name], stored?[field.Name], isUrl: false),
                _ => null,
            };
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? Check(string path, JsonNode? value, JsonNode? stored, bool isUrl)
    {
        string text = RawJson.Text(value);
        if (text.Length == 0
            || text.StartsWith(SecretText.EnvPrefix, StringComparison.Ordinal)
            || text.StartsWith(SecretText.VaultPrefix, StringComparison.Ordinal)
            || string.Equals(text, RawJson.TextOrNull(stored), StringComparison.Ordinal))
        {
            return null;
        }

        if (!isUrl)
        {
            return RegionRegex().IsMatch(text) ? null : $"{path}: invalid region \"{text}\": must match {RegionPattern}";
        }

        return UrlHostProblem(text) is { } problem ? $"{path}: {problem}" : null;
    }

    private static string? UrlHostProblem(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri))
        {
            return null;
        }

        string host = uri.IdnHost.Trim('[', ']');
        if (host is "metadata.google.internal" or "metadata")
        {
            return $"host \"{host}\" is a cloud metadata endpoint";
        }

        if (!IPAddress.TryParse(host, out IPAddress? ip))
        {
            return null;
        }

        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            return $"host \"{host}\" is an unspecified address";
        }

        if (ip.Equals(IPAddress.Parse("169.254.169.254")) || ip.Equals(IPAddress.Parse("fd00:ec2::254")))
        {
            return $"host \"{host}\" is a cloud metadata endpoint";
        }

        bool linkLocal = ip.AddressFamily == AddressFamily.InterNetwork
            ? ip.GetAddressBytes() is [169, 254, _, _]
            : ip.IsIPv6LinkLocal;
        return linkLocal ? $"host \"{host}\" is a link-local address" : null;
    }
}
