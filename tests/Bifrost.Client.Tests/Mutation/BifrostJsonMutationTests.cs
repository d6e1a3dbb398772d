namespace Bifrost.Client.Tests.Mutation;

/// <summary>Kills mutants of <see cref="BifrostJson"/> that the behaviour tests left alive (docs/mutation-testing.md).</summary>
public sealed class BifrostJsonMutationTests
{
    [Fact]
    public void Serialize_refuses_a_null_key()
    {
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => BifrostJson.Serialize((ProviderKey)null!)).ParamName);
    }
}
