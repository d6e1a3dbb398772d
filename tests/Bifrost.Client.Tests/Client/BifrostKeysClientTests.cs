namespace Bifrost.Client.Tests.Client;

/// <summary>The client over a hand-written IBifrostKeysApi: what it passes through and what users can mock.</summary>
public sealed class BifrostKeysClientTests
{
    private sealed class FakeApi : IBifrostKeysApi
    {
        public List<string> Calls { get; } = new();

        public ProviderKey? LastBody { get; private set; }

        public Task<ProviderKeyList> ListKeysAsync(string provider, CancellationToken cancellationToken = default)
        {
            Calls.Add($"list {provider}");
            return Task.FromResult(new ProviderKeyList { Total = 0 });
        }

        public Task<ProviderKey> CreateKeyAsync(string provider, ProviderKey key, CancellationToken cancellationToken = default)
        {
            Calls.Add($"create {provider}");
            LastBody = key;
            return Task.FromResult(key);
        }

        public Task<ProviderKey> GetKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default)
        {
            Calls.Add($"get {provider} {keyId}");
            return Task.FromResult(new ProviderKey { Id = keyId });
        }

        public Task<ProviderKey> UpdateKeyAsync(string provider, string keyId, ProviderKey key, CancellationToken cancellationToken = default)
        {
            Calls.Add($"update {provider} {keyId}");
            LastBody = key;
            return Task.FromResult(key);
        }

        public Task<ProviderKey> DeleteKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default)
        {
            Calls.Add($"delete {provider} {keyId}");
            return Task.FromResult(new ProviderKey { Id = keyId });
        }

        public Task<List<KeySummary>> ListAllKeysAsync(CancellationToken cancellationToken = default)
        {
            Calls.Add("all");
            return Task.FromResult<List<KeySummary>>(null!);
        }
    }

    private sealed class MockedClient : BifrostKeysClient
    {
        public override Task<ProviderKey> GetKeyAsync(string provider, string keyId, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ProviderKey { Id = "mocked", Name = provider });
    }

    [Fact]
    public async Task Each_method_reaches_the_matching_api_call()
    {
        var api = new FakeApi();
        var client = new BifrostKeysClient(api);
        var key = new ProviderKey { Id = "k1", Name = "n" };

        await client.ListKeysAsync("openai");
        await client.CreateKeyAsync("openai", key);
        await client.GetKeyAsync("openai", "k1");
        await client.UpdateKeyAsync("openai", "k1", key);
        await client.DeleteKeyAsync("openai", "k1");
        await client.ListAllKeysAsync();

        Assert.Equal(["list openai", "create openai", "get openai k1", "update openai k1", "delete openai k1", "all"], api.Calls);
    }

    [Fact]
    public async Task A_create_keeps_a_caller_id_and_assigns_one_to_a_copy_otherwise()
    {
        var api = new FakeApi();
        var client = new BifrostKeysClient(api);

        await client.CreateKeyAsync("openai", new ProviderKey { Id = "chosen", Name = "a" });
        Assert.Equal("chosen", api.LastBody!.Id);

        var mine = new ProviderKey { Name = "b", Weight = 0.5 };
        await client.CreateKeyAsync("openai", mine);
        Assert.Null(mine.Id);
        Assert.NotSame(mine, api.LastBody);
        Assert.True(Guid.TryParse(api.LastBody!.Id, out _));
        Assert.Equal(0.5, api.LastBody.Weight);
    }

    [Fact]
    public async Task A_null_array_from_the_api_reads_as_empty()
    {
        var rows = await new BifrostKeysClient(new FakeApi()).ListAllKeysAsync();
        Assert.Empty(rows);
    }

    [Fact]
    public async Task The_class_can_be_mocked_through_its_virtual_members()
    {
        IBifrostKeysClient client = new MockedClient();

        var key = await client.GetKeyAsync("openai", "x");

        Assert.Equal("mocked", key.Id);
    }

    [Fact]
    public void Invalid_options_are_refused_at_construction()
    {
        Assert.Throws<ArgumentNullException>(() => new BifrostKeysClient((BifrostClientOptions)null!));
        Assert.Throws<ArgumentException>(() => new BifrostKeysClient(new BifrostClientOptions()));
        Assert.Throws<ArgumentException>(() => new BifrostKeysClient(new BifrostClientOptions { BaseAddress = new Uri("ftp://x/") }));
        Assert.Throws<ArgumentException>(() => new BifrostKeysClient(new BifrostClientOptions { BaseAddress = new Uri("https://x/"), MaxRetries = -1 }));
        Assert.Throws<ArgumentException>(() => new BifrostKeysClient(new BifrostClientOptions { BaseAddress = new Uri("https://x/"), AttemptTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentNullException>(() => new BifrostKeysClient((IBifrostKeysApi)null!));
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new BifrostClientOptions();
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Timeout);
        Assert.False(options.AllowInsecureHttp);
        Assert.Same(BifrostCredential.None, options.Credential);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }
}
