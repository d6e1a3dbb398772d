using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;

namespace Bifrost.Client.Benchmarks;

/// <summary>
/// Target 2: a round trip (read, then write) of a large Azure key through the SDK's source-generated metadata against
/// plain reflection-based System.Text.Json over the same model types.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class SerializationBenchmarks
{
    private static readonly JsonTypeInfo<ProviderKey> SourceGenerated = FloorClient.KeyInfo;

    // The SDK's settings, with reflection metadata instead of the generated context.
    private static readonly JsonSerializerOptions Reflection = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private byte[] _json = null!;
    private ProviderKey _key = null!;

    [GlobalSetup]
    public void Setup()
    {
        _json = Payloads.LargeAzureKey;
        var viaSourceGen = SourceGeneratedRoundTrip();
        var viaReflection = ReflectionRoundTrip();
        Check.That(viaSourceGen.AsSpan().SequenceEqual(viaReflection), "both paths write the same bytes");
        Check.That(viaSourceGen.Length > 10_000, "the key is large");
        var key = BifrostJson.DeserializeKey(System.Text.Encoding.UTF8.GetString(_json));
        _key = key;
        Check.That(key.Aliases.Count == 50 && key.AdditionalProperties.Count == 2 && key.Config is AzureKeyConfig, "the key has 50 aliases, unknown members and an Azure block");
    }

    [Benchmark(Baseline = true, Description = "Round trip large key: reflection")]
    public byte[] ReflectionRoundTrip()
    {
        var key = JsonSerializer.Deserialize<ProviderKey>(_json, Reflection)!;
        return JsonSerializer.SerializeToUtf8Bytes(key, Reflection);
    }

    [Benchmark(Description = "Read large key: reflection")]
    public ProviderKey ReflectionRead() => JsonSerializer.Deserialize<ProviderKey>(_json, Reflection)!;

    [Benchmark(Description = "Read large key: SDK source-generated")]
    public ProviderKey SourceGeneratedRead() => JsonSerializer.Deserialize(_json, SourceGenerated)!;

    [Benchmark(Description = "Write large key: reflection")]
    public byte[] ReflectionWrite() => JsonSerializer.SerializeToUtf8Bytes(_key, Reflection);

    [Benchmark(Description = "Write large key: SDK source-generated")]
    public byte[] SourceGeneratedWrite() => JsonSerializer.SerializeToUtf8Bytes(_key, SourceGenerated);

    [Benchmark(Description = "Round trip large key: SDK source-generated")]
    public byte[] SourceGeneratedRoundTrip()
    {
        var key = JsonSerializer.Deserialize(_json, SourceGenerated)!;
        return JsonSerializer.SerializeToUtf8Bytes(key, SourceGenerated);
    }
}
