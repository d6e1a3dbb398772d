using System.Net;
using Bifrost.Client.Tests.Http;
using Microsoft.Extensions.Time.Testing;

namespace Bifrost.Client.Tests.Security;

/// <summary>An error answer that echoes a secret of its request is redacted before it reaches the exception.</summary>
public sealed class EchoRedactionTests
{
    [Fact]
    public async Task An_echoed_field_secret_and_token_become_placeholders_and_the_rest_of_the_message_stays()
    {
        const string token = "tok-echo-0123456789";
        const string secret = "sk-echo-secret-abcdef";
        var time = new FakeTimeProvider(TestClients.Start);
        var handler = new RecordingHandler(time).ThenRespond(
            HttpStatusCode.BadRequest,
            $$$"""{"error":{"message":"Invalid key: value \"{{{secret}}}\" rejected for Bearer {{{token}}}"}}""");
        using var client = new BifrostKeysClient(TestClients.Options(time, BifrostCredential.BearerToken(token)), handler);

        var error = await Assert.ThrowsAsync<BifrostValidationException>(() =>
            client.CreateKeyAsync("openai", new ProviderKey { Id = "k", Name = "n", Value = SecretValue.Literal(secret), Models = ["*"] }));

        Assert.Equal("Bifrost answered 400 (BadRequest): Invalid key: value \"[redacted]\" rejected for Bearer [redacted]", error.Message);
        Assert.Equal("Invalid key: value \"[redacted]\" rejected for Bearer [redacted]", error.ServerMessage);
        Assert.DoesNotContain(secret, error.ResponseBody!, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.ResponseBody!, StringComparison.Ordinal);
        Assert.Contains(secret, Assert.Single(handler.Requests).Body!, StringComparison.Ordinal); // it was sent
    }

    [Fact]
    public async Task An_echoed_basic_password_is_redacted_but_masks_and_references_are_not()
    {
        const string password = "pw-echo-9876543210";
        var time = new FakeTimeProvider(TestClients.Start);
        var handler = new RecordingHandler(time).ThenRespond(
            HttpStatusCode.Conflict,
            $$$"""{"error":{"message":"admin:{{{password}}} cannot save env.OPENAI_KEY next to sk-p************************9xQA"}}""");
        using var client = new BifrostKeysClient(TestClients.Options(time, BifrostCredential.Basic("admin", password)), handler);
        var key = new ProviderKey
        {
            Id = "k", Name = "n", Value = SecretValue.FromEnvironment("OPENAI_KEY"), Models = ["*"],
            Config = new AzureKeyConfig { ClientSecret = BifrostModelFactory.ServerSecret("sk-proj-0123456789abcdefghijkl9xQA") },
        };

        var error = await Assert.ThrowsAsync<BifrostConflictException>(() => client.CreateKeyAsync("azure", key));

        Assert.Equal("[redacted] cannot save env.OPENAI_KEY next to sk-p************************9xQA", error.ServerMessage);
    }
}
