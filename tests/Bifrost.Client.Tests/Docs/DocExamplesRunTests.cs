using System.Text.Json.Nodes;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Docs;

/// <summary>The documentation examples that need no server do what their docs say.</summary>
public sealed class DocExamplesRunTests
{
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
