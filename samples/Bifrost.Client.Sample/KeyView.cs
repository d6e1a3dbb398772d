namespace Bifrost.Client.Sample;

/// <summary>
/// A key as display rows (field, value). Secrets are shown only through <see cref="SecretValue.ToString"/>, which
/// prints the server's mask, a reference name or a placeholder, never the secret.
/// </summary>
internal static class KeyView
{
    /// <summary>The fields of a key worth showing, in a stable order.</summary>
    public static IReadOnlyList<(string Field, string Value)> Rows(ProviderKey key)
    {
        var rows = new List<(string, string)>
        {
            ("name", key.Name ?? "(none)"),
            ("weight", ConsoleReport.Number(key.Weight)),
            ("models", ConsoleReport.List(key.Models)),
        };

        if (key.BlacklistedModels.Count > 0)
        {
            rows.Add(("blacklisted_models", ConsoleReport.List(key.BlacklistedModels)));
        }

        foreach (var (model, alias) in key.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            rows.Add(("aliases." + model, alias.ToString()));
        }

        rows.Add(("value", Secret(key.Value)));
        switch (key.Config)
        {
            case AzureKeyConfig azure:
                rows.Add(("azure_key_config.endpoint", Secret(azure.Endpoint)));
                rows.Add(("azure_key_config.client_id", Secret(azure.ClientId)));
                rows.Add(("azure_key_config.client_secret", Secret(azure.ClientSecret)));
                rows.Add(("azure_key_config.tenant_id", Secret(azure.TenantId)));
                break;
            case BedrockKeyConfig bedrock:
                rows.Add(("bedrock_key_config.access_key", Secret(bedrock.AccessKey)));
                rows.Add(("bedrock_key_config.secret_key", Secret(bedrock.SecretKey)));
                rows.Add(("bedrock_key_config.region", Secret(bedrock.Region)));
                break;
            case { } other:
                rows.Add((other.WireName, "(configured)"));
                break;
        }

        return rows;
    }

    /// <summary>A secret as the SDK renders it safely.</summary>
    public static string Secret(SecretValue? value) => value?.ToString() ?? "(absent)";
}
