namespace Bifrost.Client.Sample;

/// <summary>
/// Against a real server (<c>BIFROST_URL</c>): list the keys and preview a re-weight of one key. Only with
/// <c>--apply</c> is the re-weight written, through the same safe <c>UpdateKeyAsync</c>.
/// </summary>
internal sealed class RemoteWorkflow(IBifrostKeysClient client, SampleSettings settings, ConsoleReport report)
{
    /// <summary>Runs the read, the preview and, with <c>--apply</c>, the update.</summary>
    /// <returns><see langword="true"/> on success.</returns>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        report.Step("Every key (ListAllKeysAsync, GET /api/keys; these rows never carry secrets)");
        var rows = await client.ListAllKeysAsync(cancellationToken).ConfigureAwait(false);
        report.Table(
            ["Provider", "Key id", "Name", "Weight", "Models"],
            rows.Select(r => (IReadOnlyList<string>)[r.Provider ?? "", r.KeyId ?? "", r.Name ?? "", ConsoleReport.Number(r.Weight), ConsoleReport.List(r.Models)]));

        string? provider = settings.Provider;
        string? keyId = settings.KeyId;
        if (provider is null)
        {
            var first = rows.FirstOrDefault(r => !string.IsNullOrEmpty(r.Provider) && !string.IsNullOrEmpty(r.KeyId));
            if (first is null)
            {
                report.Line("The server has no keys: nothing to preview.");
                return true;
            }

            (provider, keyId) = (first.Provider!, first.KeyId!);
        }

        report.Step($"Keys of {provider} (ListKeysAsync(\"{provider}\"))");
        var list = await client.ListKeysAsync(provider, cancellationToken).ConfigureAwait(false);
        report.Table(
            ["Key id", "Name", "Weight", "Models", "Value"],
            list.Keys.Select(k => (IReadOnlyList<string>)[k.Id ?? "", k.Name ?? "", ConsoleReport.Number(k.Weight), ConsoleReport.List(k.Models), KeyView.Secret(k.Value)]));

        keyId ??= list.Keys.FirstOrDefault(k => !string.IsNullOrEmpty(k.Id))?.Id;
        if (keyId is null)
        {
            report.Line($"{provider} has no keys: nothing to preview.");
            return true;
        }

        var current = list.Keys.FirstOrDefault(k => k.Id == keyId)?.Weight;
        var weight = settings.Weight ?? (current == 0.5 ? 1.0 : 0.5);
        void Edit(ProviderKey key) => key.Weight = weight;

        report.Step($"Preview: weight of {provider}/{keyId} to {ConsoleReport.Number(weight)} (PreviewUpdateKeyAsync)");
        var preview = await client.PreviewUpdateKeyAsync(provider, keyId, Edit, cancellationToken: cancellationToken).ConfigureAwait(false);
        report.Table(
            ["Field", "Change", "Before", "After"],
            preview.Changes.Select(c => (IReadOnlyList<string>)[c.Path, c.Kind.ToString(), c.Before ?? "", c.After ?? ""]));

        if (!settings.Apply)
        {
            report.Line("Nothing was written. Run again with --apply to perform this update.");
            return true;
        }

        report.Step($"Apply: UpdateKeyAsync({provider}/{keyId})");
        var updated = await client.UpdateKeyAsync(provider, keyId, Edit, cancellationToken: cancellationToken).ConfigureAwait(false);
        report.Table(["Field", "Value"], KeyView.Rows(updated).Select(r => (IReadOnlyList<string>)[r.Field, r.Value]));
        report.Check(updated.Weight == weight, $"the server saved weight {ConsoleReport.Number(weight)}");
        return report.FailedChecks == 0;
    }
}
