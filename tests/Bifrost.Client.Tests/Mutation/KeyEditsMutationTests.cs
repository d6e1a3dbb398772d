namespace Bifrost.Client.Tests.Mutation;

/// <summary>Kills mutants of <see cref="KeyEdits"/> that the behaviour tests left alive (docs/mutation-testing.md).</summary>
public sealed class KeyEditsMutationTests
{
    [Fact]
    public void RotateSecret_refuses_a_null_or_unknown_path_with_the_supported_list()
    {
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => KeyEdits.RotateSecret(null!, SecretValue.Empty)).ParamName);

        var ex = Assert.Throws<ArgumentException>(() => KeyEdits.RotateSecret("name", SecretValue.Empty));
        Assert.StartsWith("'name' is not a secret field path. Supported: value, azure_key_config.endpoint, azure_key_config.client_id, ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weight_of_zero_is_allowed_and_a_negative_one_is_explained()
    {
        var key = new ProviderKey { Weight = 1 };
        KeyEdits.SetWeight(0)(key);
        Assert.Equal(0, key.Weight);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KeyEdits.SetWeight(-0.1));
        Assert.StartsWith("The weight must be a finite number of zero or more.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocking_models_on_a_key_that_blocks_all_keeps_the_wildcard_alone()
    {
        var key = new ProviderKey { BlacklistedModels = ["*"] };

        KeyEdits.BlockModels("gpt-4o")(key);

        Assert.Equal(["*"], key.BlacklistedModels);
    }

    [Fact]
    public void Alias_names_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => KeyEdits.SetAlias(null!, "m"));
        Assert.Throws<ArgumentException>(() => KeyEdits.SetAlias("", "m"));
        var ex = Assert.Throws<ArgumentException>(() => KeyEdits.SetAlias("gpt-4o ", "m"));
        Assert.StartsWith("The alias name must not start or end with white space; the server rejects it.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_and_the_model_edits_explain_their_refusals()
    {
        Assert.Equal("edits", Assert.Throws<ArgumentNullException>(() => KeyEdits.Combine(null!)).ParamName);
        Assert.StartsWith("Pass at least one edit and no null edit.", Assert.Throws<ArgumentException>(() => KeyEdits.Combine()).Message, StringComparison.Ordinal);
        Assert.StartsWith("Pass at least one model.", Assert.Throws<ArgumentException>(() => KeyEdits.BlockModels()).Message, StringComparison.Ordinal);
        Assert.StartsWith("Model names must not be null, blank or '*'.", Assert.Throws<ArgumentException>(() => KeyEdits.UnblockModels(" ")).Message, StringComparison.Ordinal);
    }
}
