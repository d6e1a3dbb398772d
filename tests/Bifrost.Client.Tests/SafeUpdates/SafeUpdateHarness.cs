using System.Text.Json;
using System.Text.Json.Nodes;
using Bifrost.Client.Masks;
using Bifrost.Client.Testing;

namespace Bifrost.Client.Tests.SafeUpdates;

/// <summary>An emulator and an SDK client over its in-memory handler, plus checks on the raw store.</summary>
internal sealed class SafeUpdateHarness : IAsyncDisposable
{
    private SafeUpdateHarness(BifrostEmulator emulator, BifrostKeysClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public BifrostEmulator Emulator { get; }

    public BifrostKeysClient Client { get; }

    /// <summary>The (generation, era) pairs the emulator supports; Gen A is EnvVar-era historically, and SecretVar builds before PR #5106 merge the same way.</summary>
    public static IReadOnlyList<(ServerGeneration Generation, EmulatorWireEra Era)> Matrix { get; } =
    [
        (ServerGeneration.A, EmulatorWireEra.EnvVar), (ServerGeneration.A, EmulatorWireEra.SecretVar),
        (ServerGeneration.B, EmulatorWireEra.EnvVar), (ServerGeneration.B, EmulatorWireEra.SecretVar),
        (ServerGeneration.C, EmulatorWireEra.EnvVar), (ServerGeneration.C, EmulatorWireEra.SecretVar),
    ];

    public static TheoryData<ServerGeneration, EmulatorWireEra> MatrixRows()
    {
        var rows = new TheoryData<ServerGeneration, EmulatorWireEra>();
        foreach (var (generation, era) in Matrix)
        {
            rows.Add(generation, era);
        }

        return rows;
    }

    /// <summary>Creates the pair. <paramref name="wrap"/> may put a handler in front of the emulator (a concurrent writer, a canceller).</summary>
    public static SafeUpdateHarness Create(
        ServerGeneration generation,
        EmulatorWireEra era,
        IEnumerable<KeyValuePair<string, string>>? environment = null,
        Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
    {
        var emulator = new BifrostEmulator(o =>
        {
            o.Generation = generation;
            o.WireEra = era;
            foreach (var (name, value) in environment ?? [])
            {
                o.EnvironmentVariables[name] = value;
            }
        });
        var handler = emulator.CreateHandler();
        var client = new BifrostKeysClient(
            new BifrostClientOptions { BaseAddress = BifrostEmulator.InMemoryBaseAddress, RetryBaseDelay = TimeSpan.Zero },
            wrap is null ? handler : wrap(handler));
        return new SafeUpdateHarness(emulator, client);
    }

    public int Puts => Emulator.Journal.Entries.Count(e => e.Method == "PUT");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>Every leaf of a raw key by path (<c>azure_key_config.client_secret</c>, <c>models[0]</c>).</summary>
    public static Dictionary<string, JsonNode?> Leaves(JsonNode? node)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Walk(string.Empty, node, leaves);
        return leaves;
    }

    /// <summary>
    /// The invariants of a safe update, as a list of violations (empty = safe): every leaf of <paramref name="before"/> not
    /// under a path in <paramref name="changed"/> is still in <paramref name="after"/> with the same raw value (untouched
    /// secrets, unmodelled blocks, flags), and no string in <paramref name="after"/> looks like a mask.
    /// </summary>
    public static List<string> Violations(JsonObject before, JsonObject? after, IReadOnlyCollection<string> changed)
    {
        var problems = new List<string>();
        if (after is null)
        {
            problems.Add("the key is gone");
            return problems;
        }

        var now = Leaves(after);
        foreach (var (path, value) in Leaves(before))
        {
            if (changed.Any(c => path == c || path.StartsWith(c + ".", StringComparison.Ordinal) || path.StartsWith(c + "[", StringComparison.Ordinal)))
            {
                continue;
            }

            if (!now.TryGetValue(path, out var kept))
            {
                problems.Add($"{path} was lost");
            }
            else if (!SameLeaf(value, kept))
            {
                problems.Add($"{path} changed");
            }
        }

        foreach (var (path, value) in now)
        {
            // Model lists hold "*" (allow or block all), which is not a secret.
            var isModelList = path.StartsWith("models[", StringComparison.Ordinal) || path.StartsWith("blacklisted_models[", StringComparison.Ordinal);
            if (!isModelList && value is JsonValue v && v.GetValueKind() == JsonValueKind.String && MaskRules.LooksLikeRedaction(v.GetValue<string>()))
            {
                problems.Add($"{path} holds a mask");
            }
        }

        return problems;
    }

    /// <summary>A JSON number as a double, whatever CLR type backs the node.</summary>
    public static double Number(JsonNode? node) =>
        double.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static bool SameLeaf(JsonNode? a, JsonNode? b) =>
        a is JsonValue x && b is JsonValue y && x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number
            ? Number(x) == Number(y)
            : JsonNode.DeepEquals(a, b);

    private static void Walk(string path, JsonNode? node, Dictionary<string, JsonNode?> leaves)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(path.Length == 0 ? name : path + "." + name, child, leaves);
                }

                break;
            case JsonArray array:
                if (array.Count == 0)
                {
                    leaves[path] = new JsonArray();
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Walk($"{path}[{i}]", array[i], leaves);
                }

                break;
            default:
                leaves[path] = node?.DeepClone();
                break;
        }
    }
}

/// <summary>Puts a step in front of the emulator: runs <paramref name="onRequest"/> with the request and its 1-based number before passing it on.</summary>
internal sealed class HookHandler(HttpMessageHandler inner, Action<HttpRequestMessage, int> onRequest) : DelegatingHandler(inner)
{
    private int _count;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        onRequest(request, Interlocked.Increment(ref _count));
        return base.SendAsync(request, cancellationToken);
    }
}
