using System.Text.Json;

namespace Bifrost.Client.Tests.Docs;

/// <summary>Messages quoted in docs/troubleshooting.md are the ones the SDK really produces.</summary>
public sealed class TroubleshootingDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(ReadmeExamplesTests.FindRepositoryRoot(), "docs", "troubleshooting.md"));

    [Fact]
    public void The_quoted_JsonException_example_is_what_BifrostJson_throws()
    {
        var ex = Assert.Throws<JsonException>(() => BifrostJson.DeserializeKey("""{"value":12}"""));

        Assert.Contains($"`{ex.Message}`", Doc, StringComparison.Ordinal);
    }

    [Fact]
    public void The_quoted_null_document_message_is_what_BifrostJson_throws()
    {
        var ex = Assert.Throws<JsonException>(() => BifrostJson.DeserializeKey("null"));

        Assert.Contains($"`{ex.Message}`", Doc, StringComparison.Ordinal);
    }

    public static TheoryData<string> ArgumentMessages() => new()
    {
        Message(() => SecretValue.Literal("env.X")),
        Message(() => BifrostCredential.BearerToken("sk-bf-abc")),
        Message(() => BifrostCredential.VirtualKey("abc")),
        Message(() => BifrostCredential.Basic("a:b", "c")),
        Message(() => KeyEdits.SetWeight(-1)),
        Message(() => KeyEdits.AllowModels()),
        Message(() => KeyEdits.AllowModels("*")),
        Message(() => KeyEdits.Combine()),
        Message(() => KeyEdits.SetAlias(" a", "m")),
        Message(() => new KeyChangedException("openai", "k1").Message),
    };

    [Theory]
    [MemberData(nameof(ArgumentMessages))]
    public void Quoted_messages_match_the_code(string message)
    {
        Assert.Contains(message, Doc.Replace("`", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("'{keyId}'", "'k1'", StringComparison.Ordinal).Replace("'{provider}'", "'openai'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    // The exception's message without the " (Parameter '…')" suffix and the "Actual value" line.
    private static string Message(Func<object> act)
    {
        try
        {
            var result = act();
            return result as string ?? throw new InvalidOperationException("no exception");
        }
        catch (ArgumentException ex)
        {
            var text = ex.Message;
            var cut = text.IndexOf(" (Parameter '", StringComparison.Ordinal);
            return cut < 0 ? text : text[..cut];
        }
    }
}
