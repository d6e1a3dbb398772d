using System.Text.Json.Nodes;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Models;

/// <summary>Every contract fixture reads into the models and writes back as semantically equal JSON.</summary>
public class FixtureRoundTripTests
{
    public static TheoryData<string> KeyFixtures() => new(Fixtures.Names("get-*.json"));

    public static TheoryData<string> ErrorFixtures() => new(Fixtures.Names("error-*.json"));

    public static TheoryData<string> MergeCaseNames() =>
        new(Fixtures.Node("merge-cases.json").AsArray().Select(c => (string)c!["name"]!));

    [Theory]
    [MemberData(nameof(KeyFixtures))]
    public void Key_fixture_round_trips_semantically(string name)
    {
        var input = Fixtures.Read(name);
        var key = BifrostJson.DeserializeKey(input);
        JsonAssert.Equivalent(input, BifrostJson.Serialize(key), name);
    }

    [Theory]
    [MemberData(nameof(KeyFixtures))]
    public void Key_fixture_survives_clone(string name)
    {
        var input = Fixtures.Read(name);
        var clone = BifrostJson.DeserializeKey(input).Clone();
        JsonAssert.Equivalent(input, BifrostJson.Serialize(clone), name);
    }

    [Fact]
    public void Provider_key_list_round_trips()
    {
        var input = Fixtures.Read("list-openai-keys.json");
        var list = BifrostJson.Deserialize<ProviderKeyList>(input)!;
        Assert.Equal(list.Total, list.Keys.Count);
        JsonAssert.Equivalent(input, BifrostJson.Serialize(list));
    }

    [Fact]
    public void List_first_key_is_the_single_key_fixture()
    {
        var list = BifrostJson.Deserialize<ProviderKeyList>(Fixtures.Read("list-openai-keys.json"))!;
        var single = Fixtures.Read("get-openai-env-ref.json");
        JsonAssert.Equivalent(single, BifrostJson.Serialize(list.Keys[0]));
    }

    [Fact]
    public void Key_summaries_round_trip()
    {
        var input = Fixtures.Read("list-all-keys.json");
        var rows = BifrostJson.Deserialize<IList<KeySummary>>(input)!;
        Assert.Equal(JsonNode.Parse(input)!.AsArray().Count, rows.Count);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.KeyId)));
        JsonAssert.Equivalent(input, BifrostJson.Serialize(rows));
    }

    [Theory]
    [MemberData(nameof(ErrorFixtures))]
    public void Error_fixture_round_trips(string name)
    {
        var input = Fixtures.Read(name);
        var error = BifrostJson.Deserialize<BifrostError>(input)!;
        Assert.False(string.IsNullOrEmpty(error.Error?.Message));
        JsonAssert.Equivalent(input, BifrostJson.Serialize(error), name);
    }

    [Theory]
    [MemberData(nameof(MergeCaseNames))]
    public void Merge_case_incoming_body_round_trips(string caseName)
    {
        var incoming = Fixtures.Node("merge-cases.json").AsArray()
            .Single(c => (string)c!["name"]! == caseName)!["incoming"]!.ToJsonString();
        var key = BifrostJson.DeserializeKey(incoming);
        JsonAssert.Equivalent(incoming, BifrostJson.Serialize(key), caseName);
    }
}
