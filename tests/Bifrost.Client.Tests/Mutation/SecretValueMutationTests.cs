using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Bifrost.Client.Tests.Mutation;

/// <summary>Kills mutants of <see cref="SecretValue"/> that the behaviour tests left alive (docs/mutation-testing.md).</summary>
public sealed class SecretValueMutationTests
{
    [Fact]
    public void Values_made_in_code_are_not_received()
    {
        Assert.False(SecretValue.Empty.IsReceived);
        Assert.False(SecretValue.Literal("sk-1").IsReceived);
        Assert.False(SecretValue.FromEnvironment("NAME").IsReceived);
        Assert.False(SecretValue.FromVault("path/x").IsReceived);
        Assert.True(BifrostJson.Deserialize<SecretValue>("\"sk-1\"")!.IsReceived);
    }

    [Fact]
    public void Factories_refuse_null_with_ArgumentNullException()
    {
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => SecretValue.Literal(null!)).ParamName);
        Assert.Equal("variableName", Assert.Throws<ArgumentNullException>(() => SecretValue.FromEnvironment(null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => SecretValue.FromVault(null!)).ParamName);
    }

    [Theory]
    [InlineData("env.NAME")]
    [InlineData("vault.path")]
    public void A_literal_with_a_reference_prefix_is_refused_with_advice(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => SecretValue.Literal(text));

        Assert.Equal("value", ex.ParamName);
        Assert.Contains("cannot start with 'env.' or 'vault.'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Use FromEnvironment or FromVault", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"value":"","type":"vault"}""", "(unnamed vault reference)")]
    [InlineData("""{"value":"","type":"env"}""", "(unnamed env reference)")]
    [InlineData("""{"value":"********","type":"vault"}""", "(unnamed vault reference) (********)")]
    public void A_reference_without_a_name_is_described_by_its_kind(string json, string expected)
    {
        var value = BifrostJson.Deserialize<SecretValue>(json)!;

        Assert.True(value.IsReference);
        Assert.Null(value.Reference);
        Assert.Equal(expected, value.ToString());
    }

    [Fact]
    public void Hash_codes_follow_the_wire_bytes()
    {
        var a = BifrostJson.Deserialize<SecretValue>("""{"value":"********","type":"plain_text"}""")!;
        var b = BifrostJson.Deserialize<SecretValue>("""{"value":"********","type":"plain_text"}""")!;
        Assert.Equal(a.GetHashCode(), b.GetHashCode());

        // Distinct wire bytes spread over many hash codes (a constant hash would give one).
        var hashes = Enumerable.Range(0, 32).Select(i => SecretValue.Literal("sk-" + i).GetHashCode()).Distinct().Count();
        Assert.True(hashes > 16, $"only {hashes} distinct hash codes for 32 distinct values");
    }

    // A string token split across buffer segments arrives as a value sequence; it must still be echoed byte for byte.
    [Theory]
    [InlineData("\"sk-proj-abcdefghijklmnopqrstuvwxyz\"", 9)]
    [InlineData("\"sk-p************************9xQA\"", 5)]
    [InlineData("\"a\\u00e9\\\"b\"", 4)]
    public void A_string_secret_split_across_segments_is_echoed_exactly(string json, int splitAt)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(Segmented(bytes, splitAt));

        var value = JsonSerializer.Deserialize(ref reader, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<SecretValue>)BifrostJson.Options.GetTypeInfo(typeof(SecretValue)))!;

        Assert.Equal(json, BifrostJson.Serialize(value));
        Assert.Equal(BifrostJson.Deserialize<SecretValue>(json)!.Reveal(), value.Reveal());
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int splitAt)
    {
        var first = new Segment(bytes.AsMemory(0, splitAt), 0);
        var last = first.Append(bytes.AsMemory(splitAt));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
