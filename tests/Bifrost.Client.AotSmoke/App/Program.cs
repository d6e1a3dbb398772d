using Bifrost.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Usage: Bifrost.Client.AotSmoke <base-url> <bearer-token>
// Expects a server (the emulator) with the openai key "k1" seeded and the token accepted. Exit code 0 when every
// check passes. Prints no secret: only masks, ids and counts.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Bifrost.Client.AotSmoke <base-url> <bearer-token>");
    return 2;
}

var baseAddress = new Uri(args[0]);
var token = args[1];
var checks = 0;
void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("AOT smoke check failed: " + what);
    }

    checks++;
    Console.WriteLine("ok   " + what);
}

try
{
    // 1. The no-DI client.
    using (var client = new BifrostKeysClient(new BifrostClientOptions { BaseAddress = baseAddress, Credential = BifrostCredential.BearerToken(token) }))
    {
        var list = await client.ListKeysAsync("openai");
        Check(list.Keys.Any(k => k.Id == "k1"), "ListKeysAsync returns the seeded key");

        var key = await client.GetKeyAsync("openai", "k1");
        Check(key.Value is { IsMask: true, IsReceived: true }, "GetKeyAsync returns a masked secret");

        var preview = await client.PreviewUpdateKeyAsync("openai", "k1", KeyEdits.SetWeight(0.5));
        Check(preview.HasChanges && preview.Changes.Count == 1, "PreviewUpdateKeyAsync finds one change");

        var updated = await client.UpdateKeyAsync("openai", "k1", KeyEdits.SetWeight(0.5));
        Check(updated.Weight == 0.5, "safe UpdateKeyAsync writes the edit");

        var refused = false;
        try
        {
            await client.UpdateKeyAsync("openai", "k1", k => k.Value = SecretValue.Literal("sk-p****************9xQA"));
        }
        catch (UnsafeUpdateException)
        {
            refused = true;
        }

        Check(refused, "a mask typed back as a secret is refused");

        var created = await client.CreateKeyAsync("openai", new ProviderKey
        {
            Name = "aot-created",
            Value = SecretValue.FromEnvironment("OPENAI_API_KEY"),
            Models = ["gpt-4o"],
            Weight = 1,
        });
        Check(!string.IsNullOrEmpty(created.Id) && created.Value?.Reference == "env.OPENAI_API_KEY", "CreateKeyAsync creates a key with a client-chosen id");

        var all = await client.ListAllKeysAsync();
        Check(all.Count >= 2, "ListAllKeysAsync lists every key");

        var raw = await client.UpdateKeyAsync("openai", created.Id!, created);
        Check(raw.Name == "aot-created", "UpdateKeyAsync(key) echoes a key back");

        var deleted = await client.DeleteKeyAsync("openai", created.Id!);
        Check(deleted.Id == created.Id, "DeleteKeyAsync deletes it");

        var notFound = false;
        try
        {
            await client.GetKeyAsync("openai", created.Id!);
        }
        catch (BifrostNotFoundException ex)
        {
            notFound = ex.Error?.Error?.Message is { Length: > 0 };
        }

        Check(notFound, "a 404 surfaces as BifrostNotFoundException with the server's message");

        var json = BifrostJson.Serialize(key);
        Check(BifrostJson.Serialize(BifrostJson.DeserializeKey(json)) == json, "BifrostJson round-trips a key");
        Check(BifrostJson.Deserialize<ProviderKeyList>(BifrostJson.Serialize(list))!.Keys.Count == list.Keys.Count, "BifrostJson round-trips a list");
    }

    // 2. The DI path, options bound from configuration.
    var configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Bifrost:BaseAddress"] = baseAddress.ToString(), ["Bifrost:Token"] = token })
        .Build();
    var services = new ServiceCollection();
    services.AddBifrostClient(configuration.GetSection("Bifrost"));
    await using (var provider = services.BuildServiceProvider())
    {
        var client = provider.GetRequiredService<IBifrostKeysClient>();
        var key = await client.GetKeyAsync("openai", "k1");
        Check(key.Weight == 0.5, "the DI-registered client reads the key");
    }

    Console.WriteLine($"AOT smoke: {checks} checks passed");
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"AOT smoke failed after {checks} checks: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
