using System.Net;
using System.Text.Json.Nodes;
using Bifrost.Client.Testing;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Emulator;

/// <summary>
/// Every case of merge-cases.json, for each generation it lists (CONTRACT Appendix A): seed <c>stored</c>, PUT
/// <c>incoming</c>, check the status, the error text and every field of <c>expected.stored</c> in the raw store.
/// Generation A runs in both wire eras (EnvVar servers, and SecretVar builds before PR #5106).
/// </summary>
public sealed class MergeCaseTests
{
    private static readonly JsonArray Cases = (JsonArray)Fixtures.Node("merge-cases.json");

    public static TheoryData<int, string, ServerGeneration, EmulatorWireEra> CaseRows()
    {
        var rows = new TheoryData<int, string, ServerGeneration, EmulatorWireEra>();
        for (int i = 0; i < Cases.Count; i++)
        {
            JsonNode c = Cases[i]!;
            foreach (JsonNode? g in c["generation"]!.AsArray())
            {
                ServerGeneration generation = Enum.Parse<ServerGeneration>(g!.GetValue<string>());
                rows.Add(i, c["name"]!.GetValue<string>(), generation, generation == ServerGeneration.A ? EmulatorWireEra.EnvVar : EmulatorWireEra.SecretVar);
                if (generation == ServerGeneration.A)
                {
                    rows.Add(i, c["name"]!.GetValue<string>(), generation, EmulatorWireEra.SecretVar);
                }
            }
        }

        return rows;
    }

    [Fact]
    public void The_fixture_has_cases_for_every_generation()
    {
        var generations = Cases.SelectMany(c => c!["generation"]!.AsArray().Select(g => g!.GetValue<string>())).ToHashSet();
        Assert.Equal(["A", "B", "C"], generations.Order());
    }

    [Theory]
    [MemberData(nameof(CaseRows))]
    public async Task Put_merges_like_the_server(int index, string name, ServerGeneration generation, EmulatorWireEra era)
    {
        JsonObject c = Cases[index]!.AsObject();
        string provider = c["provider"]!.GetValue<string>();
        JsonObject stored = c["stored"]!.AsObject();
        string id = stored["id"]!.GetValue<string>();

        await using var emulator = new BifrostEmulator(o =>
        {
            o.Generation = generation;
            o.WireEra = era;
            foreach ((string variable, JsonNode? value) in c["server_env"]?.AsObject() ?? [])
            {
                o.EnvironmentVariables[variable] = value!.GetValue<string>();
            }
        });
        emulator.SeedKey(provider, stored);
        using HttpClient http = emulator.CreateClient();

        Answer answer = await http.PutJsonAsync($"api/providers/{Uri.EscapeDataString(provider)}/keys/{Uri.EscapeDataString(id)}", c["incoming"]!);

        JsonObject expected = c["expected"]!.AsObject();
        Assert.True((int)answer.Status == expected["status"]!.GetValue<int>(), $"{name}: got {(int)answer.Status} {answer.ErrorMessage}");
        if (expected["error_contains"]?.GetValue<string>() is { } error)
        {
            Assert.Contains(error, answer.ErrorMessage, StringComparison.Ordinal);
        }

        JsonObject actual = emulator.GetStoredKey(provider, id)!;
        foreach ((string field, JsonNode? value) in expected["stored"]!.AsObject())
        {
            AssertField(field, value, actual[field], name);
        }

        if (answer.Status == HttpStatusCode.OK)
        {
            Assert.Equal(id, answer.Json!["id"]!.GetValue<string>());
        }
    }

    /// <summary>Listed fields are compared; inside a block only the listed members are (Appendix A: <c>null</c> = absent).</summary>
    private static void AssertField(string path, JsonNode? expected, JsonNode? actual, string caseName)
    {
        if (expected is JsonObject expectedBlock && actual is JsonObject actualBlock)
        {
            foreach ((string member, JsonNode? value) in expectedBlock)
            {
                AssertField(path + "." + member, value, actualBlock[member], caseName);
            }

            return;
        }

        EmulatorHttp.AssertJson(expected, actual, $"{caseName}: {path}");
    }
}
