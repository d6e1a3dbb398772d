using System.Text.Json;
using System.Text.Json.Nodes;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Models;

public class FixtureRoundTripTests
{
    public static TheoryData<string> KeyFixtures() => new(Fixtures.Names("get-*.json"));

    [Theory]
    [MemberData(nameof(KeyFixtures))]
    public void Key_fixture_round_trips_semantically(string name)
    {
        var input = Fixtures.Read(name);
        var key = BifrostJson.DeserializeKey(input);
        var output = BifrostJson.Serialize(key);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), JsonNode.Parse(output)), $"{name}\n{output}");
    }
}
