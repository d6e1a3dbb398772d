using System.Text.Json.Nodes;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Docs;

/// <summary>The documentation examples that need no server do what their docs say.</summary>
public sealed class DocExamplesRunTests
{
    [Fact]
    public void The_README_example_rotates_one_secret_and_echoes_the_rest()
    {
        var json = Fixtures.Read("get-azure-entra-envvar-era.json");
        var before = JsonNode.Parse(json)!.AsObject();

        var after = JsonNode.Parse(DocExamples.Readme_FirstExample(json))!.AsObject();

        Assert.Equal(0.5, after["weight"]!.GetValue<double>());
        Assert.Contains("gpt-4o-mini", after["models"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("env.AZURE_CLIENT_SECRET", after["azure_key_config"]!["client_secret"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(before["azure_key_config"]!["endpoint"], after["azure_key_config"]!["endpoint"]));
        Assert.True(JsonNode.DeepEquals(before["value"], after["value"]));
    }

    [Fact]
    public void The_models_example_sets_a_new_literal_secret()
    {
        var key = DocExamples.Models_EditInPlace(Fixtures.Read("get-azure-secretvar-era.json"), "new-client-secret");

        var azure = Assert.IsType<AzureKeyConfig>(key.Config);
        Assert.Equal("new-client-secret", azure.ClientSecret!.Reveal());
        Assert.False(azure.ClientSecret.IsReceived);
        Assert.Contains("gpt-4.1", key.Models);
    }

    [Fact]
    public void The_model_factory_example_builds_a_masked_envvar_era_reference()
    {
        var key = DocExamples.Models_ModelFactory();

        Assert.Equal(SecretKind.Environment, key.Value!.Kind);
        Assert.Equal("env.OPENAI_KEY", key.Value.Reference);
        Assert.Contains("\"from_env\":true", BifrostJson.Serialize(key), StringComparison.Ordinal);
        Assert.Equal("success", key.Status);
    }

    [Fact]
    public async Task The_in_memory_emulator_example_returns_the_masked_key()
    {
        var json = await DocExamples.Testing_InMemory();

        var value = JsonNode.Parse(json)!["value"]!;
        Assert.Equal("sk-l************************abcd", value["value"]!.GetValue<string>());
        Assert.Equal("plain_text", value["type"]!.GetValue<string>());
    }
}
