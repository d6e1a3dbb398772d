using System.Text.Json.Nodes;
using Bifrost.Client.Testing;

namespace Bifrost.Client.Sample;

/// <summary>
/// The walk-through against the embedded emulator: list keys, preview and apply a safe update that re-weights a key,
/// allows a model and rotates one secret, prove in the server's raw store that every other secret is intact, rotate a
/// key to another environment variable, and show that pasting a mask as a new secret is refused before anything is sent.
/// </summary>
internal sealed class Workflow(IBifrostKeysClient client, BifrostEmulator emulator, EmulatorSeed seed, ConsoleReport report)
{
    private const string AllowedModel = "gpt-4o-mini";
    private const double NewWeight = 0.5;

    /// <summary>Runs every step.</summary>
    /// <returns><see langword="true"/> when every check passed.</returns>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await ListAsync(cancellationToken).ConfigureAwait(false);
        await UpdateAzureAsync(cancellationToken).ConfigureAwait(false);
        await RotateOpenAiAsync(cancellationToken).ConfigureAwait(false);
        await RefuseUnsafeEditAsync(cancellationToken).ConfigureAwait(false);
        return report.FailedChecks == 0;
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        report.Step("Every key (ListAllKeysAsync, GET /api/keys; these rows never carry secrets)");
        var rows = await client.ListAllKeysAsync(cancellationToken).ConfigureAwait(false);
        report.Table(
            ["Provider", "Key id", "Name", "Weight", "Models"],
            rows.Select(r => (IReadOnlyList<string>)[r.Provider ?? "", r.KeyId ?? "", r.Name ?? "", ConsoleReport.Number(r.Weight), ConsoleReport.List(r.Models)]));

        report.Step("Azure keys in detail (ListKeysAsync(\"azure\"), GET /api/providers/azure/keys)");
        var azure = await client.ListKeysAsync("azure", cancellationToken).ConfigureAwait(false);
        foreach (var key in azure.Keys)
        {
            report.Line($"Key {key.Id}:");
            report.Table(["Field", "Value (masked by the server)"], KeyView.Rows(key).Select(r => (IReadOnlyList<string>)[r.Field, r.Value]));
        }

        report.Line("(secret) marks a value the server returned verbatim: the SDK never prints it.");
    }

    private async Task UpdateAzureAsync(CancellationToken cancellationToken)
    {
        var newClientSecret = seed.NewSecret("azsec~");
        void Edit(ProviderKey key)
        {
            key.Weight = NewWeight;
            key.Models.Add(AllowedModel);
            if (key.Config is AzureKeyConfig azure)
            {
                azure.ClientSecret = SecretValue.Literal(newClientSecret); // rotate one secret
            }
        }

        report.Step("Preview the update (PreviewUpdateKeyAsync): nothing is written");
        var putsBefore = CountPuts();
        var preview = await client.PreviewUpdateKeyAsync("azure", EmulatorSeed.AzureKeyId, Edit, cancellationToken: cancellationToken).ConfigureAwait(false);
        report.Table(
            ["Field", "Change", "Before", "After"],
            preview.Changes.Select(c => (IReadOnlyList<string>)[c.Path, c.Kind.ToString(), c.Before ?? "", c.After ?? ""]));
        report.Check(CountPuts() == putsBefore, "the preview sent no PUT");

        report.Step("Apply it (UpdateKeyAsync): re-weight, allow a model, rotate the client secret");
        var rawBefore = StoredAzureKey();
        var before = await client.GetKeyAsync("azure", EmulatorSeed.AzureKeyId, cancellationToken).ConfigureAwait(false);
        var after = await client.UpdateKeyAsync("azure", EmulatorSeed.AzureKeyId, Edit, cancellationToken: cancellationToken).ConfigureAwait(false);
        var beforeRows = KeyView.Rows(before);
        var afterRows = KeyView.Rows(after).ToDictionary(r => r.Field, r => r.Value, StringComparer.Ordinal);
        report.Table(
            ["Field", "Before", "After"],
            beforeRows.Select(r => (IReadOnlyList<string>)[r.Field, r.Value, afterRows.GetValueOrDefault(r.Field, "(absent)")]));

        report.Step("The server's raw store, field by field (values not shown)");
        var rawAfter = StoredAzureKey();
        string[] intended = ["weight", "models", "azure_key_config.client_secret"];
        var fields = StoredKeyAudit.Compare(rawBefore, rawAfter);
        report.Table(
            ["Stored field", "Result"],
            fields.Select(f => (IReadOnlyList<string>)[f.Path, Describe(f.Path, f.State, intended)]));
        foreach (var (path, state) in fields)
        {
            if (state is StoredKeyAudit.FieldState.Changed or StoredKeyAudit.FieldState.Removed && !intended.Contains(path))
            {
                report.Fail($"{path} was {state.ToString().ToLowerInvariant()} although the edit did not touch it");
            }
        }

        report.Check(after.Weight == NewWeight && rawAfter["weight"]?.GetValue<double>() == NewWeight, $"weight is {ConsoleReport.Number(NewWeight)}");
        report.Check(
            after.Models.Contains(AllowedModel) && rawAfter["models"] is JsonArray models && models.Any(m => m?.GetValue<string>() == AllowedModel),
            $"{AllowedModel} is allowed");
        report.Check(StoredKeyAudit.HasValue(rawAfter, "azure_key_config.client_secret", newClientSecret), "the client secret holds the new value");
        report.Check(
            fields.All(f => f.State is StoredKeyAudit.FieldState.Intact or StoredKeyAudit.FieldState.Added || intended.Contains(f.Path)),
            "every stored field the edit did not touch is intact, secrets included");
    }

    private async Task RotateOpenAiAsync(CancellationToken cancellationToken)
    {
        report.Step($"Rotate the OpenAI key to another server variable (KeyEdits.RotateSecret + SecretValue.FromEnvironment)");
        var before = await client.GetKeyAsync("openai", EmulatorSeed.OpenAiKeyId, cancellationToken).ConfigureAwait(false);
        var after = await client.UpdateKeyAsync(
            "openai",
            EmulatorSeed.OpenAiKeyId,
            KeyEdits.RotateSecret(SecretValue.FromEnvironment(EmulatorSeed.OpenAiNextVariable)),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        report.Table(["Field", "Before", "After"], [["value", KeyView.Secret(before.Value), KeyView.Secret(after.Value)]]);
        var stored = emulator.GetStoredKey("openai", EmulatorSeed.OpenAiKeyId) ?? throw new InvalidOperationException("The OpenAI key is gone.");
        report.Check(StoredKeyAudit.HasValue(stored, "value", "env." + EmulatorSeed.OpenAiNextVariable), $"the server stores the reference env.{EmulatorSeed.OpenAiNextVariable}");
    }

    private async Task RefuseUnsafeEditAsync(CancellationToken cancellationToken)
    {
        report.Step("An unsafe edit is refused: pasting a mask as the new API key");
        var key = await client.GetKeyAsync("azure", EmulatorSeed.AzureKeyId, cancellationToken).ConfigureAwait(false);
        var pasted = key.Value?.Mask ?? throw new InvalidOperationException("The Azure key came back without a masked value.");
        report.Line($"Pasting {pasted} (copied from the listing) into value...");

        var rawBefore = StoredAzureKey();
        var putsBefore = CountPuts();
        try
        {
            await client.UpdateKeyAsync("azure", EmulatorSeed.AzureKeyId, k => k.Value = SecretValue.Literal(pasted), cancellationToken: cancellationToken).ConfigureAwait(false);
            report.Fail("the update was not refused");
        }
        catch (UnsafeUpdateException e)
        {
            report.Ok($"refused: UnsafeUpdateException ({e.Reason}, field {e.FieldPath})");
            report.Line("Message: " + e.Message);
        }

        report.Check(CountPuts() == putsBefore, "nothing was sent (no PUT reached the server)");
        report.Check(JsonNode.DeepEquals(rawBefore, StoredAzureKey()), "the stored key is unchanged");
    }

    private static string Describe(string path, StoredKeyAudit.FieldState state, string[] intended) => state switch
    {
        StoredKeyAudit.FieldState.Intact => "intact",
        StoredKeyAudit.FieldState.Changed when intended.Contains(path) => "changed, as intended",
        StoredKeyAudit.FieldState.Added => "added by the server",
        _ => state.ToString().ToUpperInvariant() + " (unexpected)",
    };

    private JsonObject StoredAzureKey() =>
        emulator.GetStoredKey("azure", EmulatorSeed.AzureKeyId) ?? throw new InvalidOperationException("The Azure key is gone.");

    private int CountPuts() => emulator.Journal.Entries.Count(e => e.Method == "PUT");
}
