using System.Text.Json;

namespace Bifrost.Client.Tests.Mutation;

/// <summary>Kills mutants of <see cref="KeyDiff"/> that the behaviour tests left alive (docs/mutation-testing.md).</summary>
public sealed class KeyDiffMutationTests
{
    private const string Bedrock = """
        {"id":"k1","name":"n","models":["*"],
         "bedrock_key_config":{"access_key":"","secret_key":"","region":"us-east-1",
           "endpoints":{"runtime":"https://r.example","x_e":"s1"},
           "batch_s3_config":{"x_b":"s1","buckets":[{"bucket_name":"b","x_k":"s1"}]}},
         "aliases":{"a":{"model_id":"m","x_a":"s1"}},
         "x_top":"s1"}
        """;

    // Strings in members the SDK does not model may be secrets: they show as (hidden), wherever they sit.
    [Theory]
    [InlineData("x_top")]
    [InlineData("bedrock_key_config.endpoints.x_e")]
    [InlineData("bedrock_key_config.batch_s3_config.x_b")]
    [InlineData("bedrock_key_config.batch_s3_config.buckets[0].x_k")]
    [InlineData("aliases.a.x_a")]
    public void A_changed_unmodelled_string_is_hidden(string path)
    {
        var before = BifrostJson.DeserializeKey(Bedrock);
        var after = before.Clone();
        var bedrock = (BedrockKeyConfig)after.Config!;
        var members = path switch
        {
            "x_top" => after.AdditionalProperties,
            "bedrock_key_config.endpoints.x_e" => bedrock.Endpoints!.AdditionalProperties,
            "bedrock_key_config.batch_s3_config.x_b" => bedrock.BatchS3Config!.AdditionalProperties,
            "bedrock_key_config.batch_s3_config.buckets[0].x_k" => bedrock.BatchS3Config!.Buckets[0].AdditionalProperties,
            _ => after.Aliases["a"].AdditionalProperties,
        };
        members[path[(path.LastIndexOf('.') + 1)..]] = Json("\"s2\"");

        var change = Assert.Single(KeyDiff.Compute(before, after));

        Assert.Equal((path, KeyChangeKind.Changed, "(hidden)", "(hidden)"), (change.Path, change.Kind, change.Before, change.After));
    }

    [Fact]
    public void A_new_unmodelled_string_is_hidden_too()
    {
        var before = BifrostJson.DeserializeKey(Bedrock);
        var after = before.Clone();
        after.AdditionalProperties["x_new"] = Json("\"plain-secret\"");

        var change = Assert.Single(KeyDiff.Compute(before, after));

        Assert.Equal(("x_new", KeyChangeKind.Added, (string?)null, "(hidden)"), (change.Path, change.Kind, change.Before, change.After));
    }

    [Fact]
    public void A_secret_added_where_there_was_none_shows_as_a_new_secret()
    {
        var before = BifrostJson.DeserializeKey("""{"id":"k1","name":"n","models":["*"],"azure_key_config":{"endpoint":"https://a.example"}}""");
        var after = before.Clone();
        ((AzureKeyConfig)after.Config!).ClientSecret = SecretValue.Literal("top-secret-text");

        var change = Assert.Single(KeyDiff.Compute(before, after));

        Assert.Equal(("azure_key_config.client_secret", KeyChangeKind.Added, (string?)null, "(new secret)"), (change.Path, change.Kind, change.Before, change.After));
    }

    [Fact]
    public void Arrays_are_compared_element_by_element()
    {
        var changes = Diff("""{"x_list":[1,2,3]}""", """{"x_list":[1,5]}""");

        Assert.Equal(
            [("x_list[1]", KeyChangeKind.Changed, "2", "5"), ("x_list[2]", KeyChangeKind.Removed, "3", null)],
            changes.Select(c => (c.Path, c.Kind, c.Before, c.After)));

        var longer = Assert.Single(Diff("""{"x_list":[1]}""", """{"x_list":[1,2]}"""));
        Assert.Equal(("x_list[1]", KeyChangeKind.Added, (string?)null, "2"), (longer.Path, longer.Kind, longer.Before, longer.After));

        var added = Assert.Single(Diff("""{}""", """{"x_list":[7]}"""));
        Assert.Equal(("x_list[0]", KeyChangeKind.Added, (string?)null, "7"), (added.Path, added.Kind, added.Before, added.After));

        var removed = Assert.Single(Diff("""{"x_list":[7]}""", """{}"""));
        Assert.Equal(("x_list[0]", KeyChangeKind.Removed, "7", (string?)null), (removed.Path, removed.Kind, removed.Before, removed.After));
    }

    [Fact]
    public void A_member_that_changes_shape_is_removed_and_added()
    {
        Assert.Equal(
            [("x", KeyChangeKind.Removed, "1", null), ("x.a", KeyChangeKind.Added, null, "2")],
            Diff("""{"x":1}""", """{"x":{"a":2}}""").Select(c => (c.Path, c.Kind, c.Before, c.After)));
        Assert.Equal(
            [("x.a", KeyChangeKind.Removed, "2", null), ("x", KeyChangeKind.Added, null, "1")],
            Diff("""{"x":{"a":2}}""", """{"x":1}""").Select(c => (c.Path, c.Kind, c.Before, c.After)));
        Assert.Equal(
            [("x", KeyChangeKind.Removed, "1", null), ("x[0]", KeyChangeKind.Added, null, "2")],
            Diff("""{"x":1}""", """{"x":[2]}""").Select(c => (c.Path, c.Kind, c.Before, c.After)));
        Assert.Equal(
            [("x[0]", KeyChangeKind.Removed, "2", null), ("x", KeyChangeKind.Added, null, "1")],
            Diff("""{"x":[2]}""", """{"x":1}""").Select(c => (c.Path, c.Kind, c.Before, c.After)));
    }

    [Fact]
    public void Model_lists_missing_on_one_side_count_as_empty()
    {
        Assert.Equal(
            [("models", KeyChangeKind.Added, null, "gpt-4o")],
            Diff("""{}""", """{"models":["gpt-4o"]}""").Select(c => (c.Path, c.Kind, c.Before, c.After)));
        Assert.Equal(
            [("blacklisted_models", KeyChangeKind.Removed, "o1", null)],
            Diff("""{"blacklisted_models":["o1"]}""", """{}""").Select(c => (c.Path, c.Kind, c.Before, c.After)));
    }

    private static IReadOnlyList<KeyChange> Diff(string before, string after) =>
        KeyDiff.Compute(BifrostJson.DeserializeKey(before), BifrostJson.DeserializeKey(after));

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
