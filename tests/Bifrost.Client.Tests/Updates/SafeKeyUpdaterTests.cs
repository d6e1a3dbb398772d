namespace Bifrost.Client.Tests.Updates;

public class SafeKeyUpdaterTests
{
    /// <summary>A fake server for one key: serves GETs from its stored JSON and records PUT bodies.</summary>
    private sealed class FakeKeyStore(string json)
    {
        public string StoredJson { get; set; } = json;

        public int Reads { get; private set; }

        public List<string> Writes { get; } = [];

        public Action? AfterFirstRead { get; set; }

        public Task<ProviderKey> Read(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Reads++;
            var key = BifrostJson.DeserializeKey(StoredJson);
            if (Reads == 1)
            {
                AfterFirstRead?.Invoke();
            }

            return Task.FromResult(key);
        }

        public Task<ProviderKey> Write(ProviderKey body, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var json = BifrostJson.Serialize(body);
            Writes.Add(json);
            return Task.FromResult(BifrostJson.DeserializeKey(json));
        }
    }

    private static FakeKeyStore Store(string fixture = "get-azure-secretvar-era.json") =>
        new(BifrostJson.Serialize(UpdateTestKeys.Fixture(fixture)));

    [Fact]
    public async Task Reads_edits_verifies_and_writes_the_full_key()
    {
        var store = Store();
        var original = BifrostJson.DeserializeKey(store.StoredJson);

        var result = await SafeKeyUpdater.UpdateAsync("azure", original.Id!, KeyEdits.SetWeight(0.5), null, SafeKeyUpdater.Reader(store.Read), store.Write, CancellationToken.None);

        Assert.Equal(2, store.Reads);
        var sent = BifrostJson.DeserializeKey(Assert.Single(store.Writes));
        Assert.Equal(0.5, sent.Weight);
        Assert.Equal(0.5, result.Weight);

        // Everything else, untouched secrets included, goes back byte for byte.
        original.Weight = 0.5;
        Assert.Equal(BifrostJson.Serialize(original), store.Writes[0]);
    }

    [Fact]
    public async Task Without_verification_reads_once()
    {
        var store = Store();
        await SafeKeyUpdater.UpdateAsync("azure", "id", KeyEdits.Disable(), new UpdateKeyOptions { VerifyUnchanged = false }, SafeKeyUpdater.Reader(store.Read), store.Write, CancellationToken.None);
        Assert.Equal(1, store.Reads);
        Assert.Single(store.Writes);
    }

    [Fact]
    public async Task Refuses_when_the_key_changed_since_it_was_read()
    {
        var store = Store();
        store.AfterFirstRead = () => store.StoredJson = store.StoredJson.Replace("3f9a************************c21e", "9z9z************************c21e", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<KeyChangedException>(() =>
            SafeKeyUpdater.UpdateAsync("azure", "key-1", KeyEdits.SetWeight(0.5), null, SafeKeyUpdater.Reader(store.Read), store.Write, CancellationToken.None));

        Assert.Equal("azure", ex.Provider);
        Assert.Equal("key-1", ex.KeyId);
        Assert.Contains("changed on the server since it was read", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<BifrostException>(ex);
        Assert.Empty(store.Writes);
    }

    [Fact]
    public async Task Discovery_status_change_between_reads_is_not_a_conflict()
    {
        var store = Store();
        store.AfterFirstRead = () => store.StoredJson = store.StoredJson.Replace("\"success\"", "\"list_models_failed\"", StringComparison.Ordinal);
        await SafeKeyUpdater.UpdateAsync("azure", "key-1", KeyEdits.Enable(), null, SafeKeyUpdater.Reader(store.Read), store.Write, CancellationToken.None);
        Assert.Single(store.Writes);
    }

    [Fact]
    public async Task An_unsafe_edit_sends_nothing_and_does_not_re_read()
    {
        var store = Store();
        var ex = await Assert.ThrowsAsync<UnsafeUpdateException>(() =>
            SafeKeyUpdater.UpdateAsync("azure", "key-1", k => k.Models.Clear(), null, SafeKeyUpdater.Reader(store.Read), store.Write, CancellationToken.None));
        Assert.Equal(UnsafeUpdateReason.ModelsEmptied, ex.Reason);
        Assert.Equal(1, store.Reads);
        Assert.Empty(store.Writes);
    }

    [Fact]
    public async Task Preview_returns_changes_and_body_and_writes_nothing()
    {
        var store = Store();
        var preview = await SafeKeyUpdater.PreviewAsync("azure", "key-1",
            KeyEdits.Combine(KeyEdits.SetWeight(0.5), KeyEdits.RotateSecret(SecretValue.Literal(UpdateTestKeys.Canary))), null, SafeKeyUpdater.Reader(store.Read), CancellationToken.None);

        Assert.Equal(1, store.Reads);
        Assert.Empty(store.Writes);
        Assert.Equal(["value", "weight"], preview.Changes.Select(c => c.Path));
        Assert.Equal(UpdateTestKeys.Canary, preview.Body.Value!.Reveal());
        Assert.DoesNotContain(UpdateTestKeys.Canary, preview.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_runs_the_same_guard()
    {
        var store = Store();
        await Assert.ThrowsAsync<UnsafeUpdateException>(() =>
            SafeKeyUpdater.PreviewAsync("azure", "key-1", KeyEdits.RotateSecret(SecretValue.Literal("<redacted>")), null, SafeKeyUpdater.Reader(store.Read), CancellationToken.None));
    }

    [Fact]
    public async Task Cancellation_surfaces_as_OperationCanceledException_before_any_request()
    {
        var store = Store();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SafeKeyUpdater.UpdateAsync("azure", "key-1", KeyEdits.Enable(), null, SafeKeyUpdater.Reader(store.Read), store.Write, cts.Token));
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public async Task Exceptions_from_the_edit_propagate_and_nothing_is_sent()
    {
        var store = Store();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SafeKeyUpdater.UpdateAsync("azure", "key-1", KeyEdits.RotateSecret("vllm_key_config.url", SecretValue.Literal("http://x")), null, SafeKeyUpdater.Reader(store.Read), store.Write, CancellationToken.None));
        Assert.Empty(store.Writes);
    }

    [Fact]
    public async Task Validates_arguments_before_any_request()
    {
        var store = Store();
        await Assert.ThrowsAsync<ArgumentException>(() => SafeKeyUpdater.UpdateAsync("", "id", KeyEdits.Enable(), null, SafeKeyUpdater.Reader(store.Read), store.Write, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => SafeKeyUpdater.UpdateAsync("azure", " ", KeyEdits.Enable(), null, SafeKeyUpdater.Reader(store.Read), store.Write, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => SafeKeyUpdater.UpdateAsync("azure", "id", null!, null, SafeKeyUpdater.Reader(store.Read), store.Write, CancellationToken.None));
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public void EditAndCheck_keeps_an_untouched_snapshot()
    {
        var key = UpdateTestKeys.Fixture("get-vertex-secretvar-era.json");
        var (snapshot, body) = SafeKeyUpdater.EditAndCheck("vertex", key, KeyEdits.Enable(), null);
        Assert.Same(key, body);
        Assert.False(snapshot.Enabled);
        Assert.True(body.Enabled);
    }
}
