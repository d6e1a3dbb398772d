namespace Bifrost.Client.Tests.Reliability;

/// <summary>One soak operation: what it runs, how many SDK calls it may make (its deadline), and how its outcome updates the expectation.</summary>
public sealed class SoakOperation
{
    private readonly Func<IBifrostKeysClient, Task> _run;
    private readonly Action<Exception?, SoakFigures> _settle;

    private SoakOperation(string kind, int calls, Func<IBifrostKeysClient, Task> run, Action<Exception?, SoakFigures> settle, params TrackedKey[] touched)
    {
        Kind = kind;
        Calls = calls;
        _run = run;
        _settle = settle;
        Touched = [.. touched];
    }

    public string Kind { get; }

    /// <summary>SDK calls the operation makes at most; its deadline is this many times the call timeout.</summary>
    public int Calls { get; }

    /// <summary>Keys whose stored secrets are checked right after the operation.</summary>
    public List<TrackedKey> Touched { get; }

    public Task Run(IBifrostKeysClient client) => _run(client);

    public void Settle(Exception? failure, SoakFigures figures) => _settle(failure, figures);

    /// <summary>A read of a known key: one of the list endpoints or the key itself. A successful read pins the weight.</summary>
    public static SoakOperation Read(TrackedKey key, int variant)
    {
        double? seen = null;
        string kind = variant switch { 0 => "list", 1 => "list-all", _ => "get" };
        return new SoakOperation(
            kind,
            1,
            async client =>
            {
                ProviderKey? found = variant switch
                {
                    0 => (await client.ListKeysAsync(key.Provider)).Keys.Single(k => k.Id == key.Id),
                    1 => Found(await client.ListAllKeysAsync(), key),
                    _ => await client.GetKeyAsync(key.Provider, key.Id),
                };
                if (found is not null)
                {
                    Assert.Equal(key.Name, found.Name);
                    Assert.True(found.Weight is { } w && key.Weights.Contains(w), $"{key}: read weight {found.Weight} is none of the candidates");
                    seen = found.Weight;
                }
            },
            (failure, _) =>
            {
                if (failure is null && seen is { } w)
                {
                    key.Weights.Clear();
                    key.Weights.Add(w);
                }
            },
            key);
    }

    /// <summary>A read of a key that does not exist: 404 is the expected answer.</summary>
    public static SoakOperation ReadMissing(string provider, string keyId) => new(
        "get-missing",
        1,
        async client =>
        {
            try
            {
                await client.GetKeyAsync(provider, keyId);
                Assert.Fail($"{provider}/{keyId} does not exist, yet the read succeeded");
            }
            catch (BifrostNotFoundException missing)
            {
                Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
            }
        },
        (_, _) => { });

    /// <summary>A safe update that sets a unique weight.</summary>
    public static SoakOperation Update(SoakState state, TrackedKey key, double weight) => new(
        "update",
        3,
        async client =>
        {
            ProviderKey saved = await client.UpdateKeyAsync(key.Provider, key.Id, k => k.Weight = weight);
            Assert.Equal(weight, saved.Weight);
            Assert.Equal(key.Name, saved.Name);
        },
        (failure, figures) =>
        {
            _ = state;
            if (failure is null)
            {
                key.Weights.Clear();
                key.Weights.Add(weight);
            }
            else if (failure is not (UnsafeUpdateException or KeyChangedException))
            {
                // The PUT may have landed before the failure: both states stay possible until the next success.
                key.Weights.Add(weight);
                figures.AmbiguousUpdates++;
            }
        },
        key);

    /// <summary>A create with a unique name and no id (the client assigns one, so the create is safe to repeat).</summary>
    public static SoakOperation Create(SoakState state, string provider, string name, string value, double weight)
    {
        TrackedKey? created = null;
        SoakOperation op = null!;
        op = new SoakOperation(
            "create",
            2,
            async client =>
            {
                var key = new ProviderKey { Name = name, Value = SecretValue.Literal(value), Models = ["*"], Weight = weight };
                var secrets = new Dictionary<string, string>(StringComparer.Ordinal) { ["value"] = value };
                if (provider == "azure")
                {
                    key.Config = new AzureKeyConfig { Endpoint = SecretValue.Literal("https://created.openai.azure.com") };
                    secrets["azure_key_config.endpoint"] = "https://created.openai.azure.com";
                }

                ProviderKey result = await client.CreateKeyAsync(provider, key);
                Assert.Equal(name, result.Name);
                Assert.False(string.IsNullOrEmpty(result.Id));
                Assert.Null(key.Id); // the caller's object is not changed
                created = new TrackedKey(provider, result.Id!, name, seeded: false, weight, secrets);
            },
            (failure, _) =>
            {
                if (failure is null)
                {
                    state.Live.Add(created!);
                    op.Touched.Add(created!);
                }
                else
                {
                    state.MaybeCreated.Add((provider, name, value));
                }
            });
        return op;
    }

    /// <summary>A delete of a key created during the soak.</summary>
    public static SoakOperation Delete(SoakState state, TrackedKey key) => new(
        "delete",
        1,
        async client =>
        {
            ProviderKey deleted = await client.DeleteKeyAsync(key.Provider, key.Id);
            Assert.Equal(key.Name, deleted.Name);
        },
        (failure, _) =>
        {
            state.Live.Remove(key);
            switch (failure)
            {
                case null:
                    state.Deleted.Add(key);
                    break;
                case BifrostNotFoundException notFound:
                    // A repeat after the first attempt landed: the key is gone. A known key cannot be missing on a first attempt.
                    Assert.True(notFound.Attempts > 1, $"{key}: 404 on the first attempt to delete a live key");
                    state.Deleted.Add(key);
                    break;
                default:
                    state.MaybeDeleted.Add(key);
                    break;
            }
        });

    private static ProviderKey? Found(IReadOnlyList<KeySummary> rows, TrackedKey key)
    {
        KeySummary row = rows.Single(r => r.KeyId == key.Id);
        Assert.Equal(key.Name, row.Name);
        Assert.True(row.Weight is { } w && key.Weights.Contains(w), $"{key}: listed weight {row.Weight} is none of the candidates");
        return null;
    }
}
