using System.Text;
using System.Text.Json;

namespace Bifrost.Client.Tests.Models;

public class SecretValueTests
{
    private static SecretValue Read(string json) => BifrostJson.Deserialize<SecretValue>(json)!;

    private static string Write(SecretValue value) => BifrostJson.Serialize(value);

    [Theory]
    [InlineData("\"sk-plain\"", SecretKind.PlainText, null)]
    [InlineData("\"env.OPENAI_KEY\"", SecretKind.Environment, "env.OPENAI_KEY")]
    [InlineData("\"vault.team/openai\"", SecretKind.Vault, "vault.team/openai")]
    [InlineData("{\"value\":\"sk-p************************9xQA\",\"type\":\"plain_text\"}", SecretKind.PlainText, null)]
    [InlineData("{\"value\":\"sk-p************************9xQA\"}", SecretKind.PlainText, null)]
    [InlineData("{\"value\":\"abcd************************wxyz\",\"ref\":\"env.X\",\"type\":\"env\"}", SecretKind.Environment, "env.X")]
    [InlineData("{\"value\":\"\",\"ref\":\"vault.a/b\",\"type\":\"vault\"}", SecretKind.Vault, "vault.a/b")]
    [InlineData("{\"value\":\"****\",\"ref\":\"vault.a/b\"}", SecretKind.Vault, "vault.a/b")]
    [InlineData("{\"ref\":\"env.X\"}", SecretKind.Environment, "env.X")]
    [InlineData("{\"value\":\"x\",\"ref\":\"env.X\",\"type\":\"plain_text\"}", SecretKind.PlainText, null)]
    [InlineData("{\"value\":\"sk-p************************9xQA\",\"env_var\":\"\",\"from_env\":false}", SecretKind.PlainText, null)]
    [InlineData("{\"value\":\"abcd************************wxyz\",\"env_var\":\"env.X\",\"from_env\":true}", SecretKind.Environment, "env.X")]
    [InlineData("{\"env_var\":\"NAME\",\"from_env\":true}", SecretKind.Environment, "env.NAME")]
    [InlineData("{\"value\":\"env.X\",\"env_var\":\"env.X\",\"from_env\":false}", SecretKind.Environment, "env.X")]
    [InlineData("{\"value\":\"abcd************************wxyz\",\"secret_ref\":\"env.X\",\"type\":\"env\"}", SecretKind.Environment, "env.X")]
    [InlineData("{\"value\":\"abcd************************wxyz\",\"secret_ref\":\"vault.p\"}", SecretKind.Vault, "vault.p")]
    public void Reads_every_input_shape(string json, SecretKind kind, string? reference)
    {
        var value = Read(json);
        Assert.Equal(kind, value.Kind);
        Assert.Equal(reference, value.Reference);
        Assert.Equal(kind != SecretKind.PlainText, value.IsReference);
        Assert.True(value.IsReceived);
        Assert.Equal(json, Write(value));
    }

    [Theory]
    [InlineData("\"caf\\u00e9-\\\"quoted\\\"-\\/slash\"")]
    [InlineData("\"caf\u00e9 \u4e2d\u6587 \ud83d\ude00\"")]
    [InlineData("{ \"value\" : \"abcd************************wxyz\" ,\n \"type\":\"plain_text\", \"future\": [1, {\"a\": null}] }")]
    public void A_received_value_is_written_back_byte_for_byte(string json)
    {
        var value = Read(json);
        Assert.Equal(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(Write(value)));
    }

    [Fact]
    public void New_values_are_written_as_plain_strings()
    {
        Assert.Equal("\"sk-new\"", Write(SecretValue.Literal("sk-new")));
        Assert.Equal("\"env.OPENAI_KEY\"", Write(SecretValue.FromEnvironment("OPENAI_KEY")));
        Assert.Equal("\"env.OPENAI_KEY\"", Write(SecretValue.FromEnvironment("env.OPENAI_KEY")));
        Assert.Equal("\"vault.team/openai\"", Write(SecretValue.FromVault("team/openai")));
        Assert.Equal("\"vault.team/openai\"", Write(SecretValue.FromVault("vault.team/openai")));
        Assert.Equal("\"\"", Write(SecretValue.Empty));
    }

    [Fact]
    public void Factories_set_kind_and_reference()
    {
        var literal = SecretValue.Literal("sk-new");
        Assert.Equal(SecretKind.PlainText, literal.Kind);
        Assert.Null(literal.Reference);
        Assert.False(literal.IsReceived);
        Assert.Equal("sk-new", literal.Reveal());

        var env = SecretValue.FromEnvironment("OPENAI_KEY");
        Assert.Equal(SecretKind.Environment, env.Kind);
        Assert.Equal("env.OPENAI_KEY", env.Reference);

        var vault = SecretValue.FromVault("team/openai");
        Assert.Equal(SecretKind.Vault, vault.Kind);
        Assert.Equal("vault.team/openai", vault.Reference);
    }

    [Theory]
    [InlineData("env.X")]
    [InlineData("vault.x")]
    public void A_literal_cannot_look_like_a_reference(string text) =>
        Assert.Throws<ArgumentException>(() => SecretValue.Literal(text));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("env.")]
    public void An_environment_reference_needs_a_name(string name) =>
        Assert.Throws<ArgumentException>(() => SecretValue.FromEnvironment(name));

    [Theory]
    [InlineData("")]
    [InlineData("vault.")]
    public void A_vault_reference_needs_a_path(string path) =>
        Assert.Throws<ArgumentException>(() => SecretValue.FromVault(path));

    [Theory]
    [InlineData("\"sk-p************************9xQA\"", true)]
    [InlineData("\"******\"", true)]
    [InlineData("\"********\"", true)]
    [InlineData("\"<redacted>\"", true)]
    [InlineData("\"<REDACTED>\"", true)]
    [InlineData("\"[REDACTED]\"", true)]
    [InlineData("{\"value\":\"us-e************************st-1\",\"type\":\"plain_text\"}", true)]
    [InlineData("{\"value\":\"abcd************************wxyz\",\"ref\":\"env.X\",\"type\":\"env\"}", false)]
    [InlineData("\"sk-r****ghij\"", false)]
    [InlineData("\"sk-\u20269xQA\"", false)]
    [InlineData("\"sk-p*************************9xQA\"", false)]
    [InlineData("\"*********\"", false)]
    [InlineData("\"\"", false)]
    [InlineData("\"sk-live\"", false)]
    [InlineData("\"\u00e9abc************************wxyz\"", false)]
    [InlineData("\"\u00e9ab************************wxyz\"", true)]
    public void IsMask_follows_the_server_rules(string json, bool isMask)
    {
        var value = Read(json);
        Assert.Equal(isMask, value.IsMask);
        Assert.Equal(isMask ? value.Reveal() : null, value.IsReference ? null : value.Mask);
    }

    [Fact]
    public void ToString_never_prints_a_literal()
    {
        Assert.Equal("(secret)", SecretValue.Literal("sk-live-1234567890").ToString());
        Assert.Equal("(secret)", Read("{\"value\":\"https://contoso.openai.azure.com\",\"type\":\"plain_text\"}").ToString());
        Assert.Equal("(empty)", SecretValue.Empty.ToString());
        Assert.Equal("env.OPENAI_KEY", SecretValue.FromEnvironment("OPENAI_KEY").ToString());
        Assert.Equal("vault.team/openai", SecretValue.FromVault("team/openai").ToString());
        Assert.Equal("sk-p************************9xQA", Read("\"sk-p************************9xQA\"").ToString());
        Assert.Equal(
            "env.X (abcd************************wxyz)",
            Read("{\"value\":\"abcd************************wxyz\",\"ref\":\"env.X\",\"type\":\"env\"}").ToString());
    }

    [Fact]
    public void Equality_is_wire_equality()
    {
        var a = Read("{\"value\":\"sk-p************************9xQA\",\"type\":\"plain_text\"}");
        var b = Read("{\"value\":\"sk-p************************9xQA\",\"type\":\"plain_text\"}");
        var legacy = Read("{\"value\":\"sk-p************************9xQA\",\"env_var\":\"\",\"from_env\":false}");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, legacy);
        Assert.Equal(SecretValue.Literal("x"), SecretValue.Literal("x"));
        Assert.NotEqual(SecretValue.Literal("x"), SecretValue.Literal("y"));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void IsEmpty_means_no_value_and_no_reference()
    {
        Assert.True(Read("{\"value\":\"\"}").IsEmpty);
        Assert.True(SecretValue.Empty.IsEmpty);
        Assert.False(Read("{\"value\":\"\",\"ref\":\"env.X\",\"type\":\"env\"}").IsEmpty);
        Assert.False(SecretValue.Literal("x").IsEmpty);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("true")]
    [InlineData("[\"a\"]")]
    [InlineData("{\"value\":5}")]
    [InlineData("{\"value\":\"x\",\"from_env\":\"yes\"}")]
    [InlineData("{\"ref\":{}}")]
    public void Wrong_shapes_are_rejected_with_a_json_exception(string json) =>
        Assert.ThrowsAny<JsonException>(() => Read(json));
}
