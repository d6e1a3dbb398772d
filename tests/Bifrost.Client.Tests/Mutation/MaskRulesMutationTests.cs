using Bifrost.Client.Masks;

namespace Bifrost.Client.Tests.Mutation;

/// <summary>Kills mutants of <see cref="MaskRules"/> that the behaviour tests left alive (docs/mutation-testing.md).</summary>
public sealed class MaskRulesMutationTests
{
    // CONTRACT §5.1: a value of up to 8 characters is masked entirely; 9 and more give 4 + 24 stars + 4.
    [Theory]
    [InlineData("", "")]
    [InlineData("a", "*")]
    [InlineData("abcdefgh", "********")]
    [InlineData("abcdefghi", "abcd************************fghi")]
    public void Redact_switches_to_the_long_form_after_eight_characters(string raw, string expected)
    {
        Assert.Equal(expected, MaskRules.Redact(raw));
    }
}
