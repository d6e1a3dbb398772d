using System.Text.Json.Nodes;

namespace Bifrost.Client.Tests.Support;

public static class JsonAssert
{
    /// <summary>Asserts that two JSON texts are semantically equal (member order and whitespace ignored).</summary>
    public static void Equivalent(string expected, string actual, string? label = null)
    {
        var equal = JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual));
        Assert.True(equal, $"{label}\nexpected: {expected}\nactual:   {actual}");
    }
}
