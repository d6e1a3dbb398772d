using System.Net;
using Bifrost.Client.Tests.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Bifrost.Client.Tests.DependencyInjection;

/// <summary>Registration, configuration binding, option reload and user handlers.</summary>
public sealed class AddBifrostClientTests
{
    private const string KeyJson = """{"id":"key-1","name":"primary","models":[]}""";

    private static RecordingHandler Ok() => new(fallback: (_, _) => Task.FromResult(RecordingHandler.Respond(HttpStatusCode.OK, KeyJson)));

    [Fact]
    public async Task Code_configuration_registers_the_client_the_api_and_returns_the_http_client_builder()
    {
        var handler = Ok();
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddBifrostClient(o =>
        {
            o.BaseAddress = new Uri("https://bifrost.test/");
            o.Credential = BifrostCredential.BearerToken("di-token");
        });
        builder.ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IBifrostKeysClient>();
        Assert.IsType<BifrostKeysClient>(client);
        Assert.NotNull(provider.GetRequiredService<IBifrostKeysApi>());
        await client.GetKeyAsync("openai", "key-1");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://bifrost.test/api/providers/openai/keys/key-1", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer di-token", request.Authorization);
    }

    [Fact]
    public async Task The_registered_api_called_directly_maps_errors_and_empty_answers_like_the_client()
    {
        var handler = new RecordingHandler()
            .ThenRespond(HttpStatusCode.OK, KeyJson)
            .ThenRespond(HttpStatusCode.NotFound, """{"error":{"message":"key not found"}}""")
            .ThenRespond(HttpStatusCode.OK, "null")
            .ThenRespond(HttpStatusCode.OK, "[]")
            .ThenRespond(HttpStatusCode.OK, "");
        var services = new ServiceCollection();
        services.AddBifrostClient(o =>
        {
            o.BaseAddress = new Uri("https://bifrost.test/");
            o.Credential = BifrostCredential.BearerToken("di-token");
            o.MaxRetries = 0;
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        var api = provider.GetRequiredService<IBifrostKeysApi>();

        Assert.Equal("primary", (await api.GetKeyAsync("openai", "key-1")).Name);
        var missing = await Assert.ThrowsAsync<BifrostNotFoundException>(() => api.GetKeyAsync("openai", "key-2"));
        var empty = await Assert.ThrowsAsync<BifrostException>(() => api.GetKeyAsync("openai", "key-3"));
        Assert.Empty(await api.ListAllKeysAsync());
        var noRows = await api.ListAllKeysAsync();

        Assert.Contains("key not found", missing.Message);
        Assert.Equal("Bifrost answered GET /api/providers/{provider}/keys/{key_id} with an empty body or JSON null where a value was expected.", empty.Message);
        Assert.Null(noRows);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer di-token", r.Authorization));
    }

    [Fact]
    public async Task A_configuration_section_is_bound_and_a_reloaded_token_applies_to_the_next_request()
    {
        var handler = Ok();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bifrost:BaseAddress"] = "https://bifrost.test/",
            ["Bifrost:Token"] = "token-one",
            ["Bifrost:MaxRetries"] = "5",
            ["Bifrost:AttemptTimeout"] = "00:00:12",
        }).Build();
        var services = new ServiceCollection();
        services.AddBifrostClient(configuration.GetSection("Bifrost")).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IBifrostKeysClient>();
        var options = provider.GetRequiredService<IOptionsMonitor<BifrostClientOptions>>().CurrentValue;
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(12), options.AttemptTimeout);
        Assert.Equal(BifrostCredentialKind.BearerToken, options.Credential.Kind);

        await client.ListKeysAsync("openai");
        configuration["Bifrost:Token"] = "token-two";
        configuration.Reload();
        await client.ListKeysAsync("openai");

        Assert.Equal(["Bearer token-one", "Bearer token-two"], handler.Requests.Select(r => r.Authorization));
    }

    [Theory]
    [InlineData("VirtualKey", "sk-bf-abc123", BifrostCredentialKind.VirtualKey)]
    [InlineData("Username", "admin", BifrostCredentialKind.Basic)]
    public void Other_credentials_bind_from_configuration(string key, string value, BifrostCredentialKind kind)
    {
        var values = new Dictionary<string, string?> { ["B:BaseAddress"] = "https://bifrost.test/", [$"B:{key}"] = value };
        if (key == "Username")
        {
            values["B:Password"] = "secret-pw";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddBifrostClient(configuration.GetSection("B"));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(kind, provider.GetRequiredService<IOptions<BifrostClientOptions>>().Value.Credential.Kind);
    }

    [Fact]
    public void Bad_configuration_names_the_key_but_never_the_secret()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["B:BaseAddress"] = "https://bifrost.test/",
            ["B:VirtualKey"] = "not-a-virtual-key-secret",
        }).Build();
        var services = new ServiceCollection();
        services.AddBifrostClient(configuration.GetSection("B"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<BifrostClientOptions>>().Value);

        Assert.Contains("B", ex.Message);
        Assert.DoesNotContain("not-a-virtual-key-secret", ex.ToString());
    }

    [Fact]
    public void Invalid_options_fail_validation_when_the_client_is_created()
    {
        var services = new ServiceCollection();
        services.AddBifrostClient(o =>
        {
            o.BaseAddress = new Uri("http://bifrost.example.com/");
            o.Credential = BifrostCredential.BearerToken("t");
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IBifrostKeysClient>());

        Assert.Contains("AllowInsecureHttp", ex.Message);
    }

    [Fact]
    public async Task A_handler_added_by_the_user_runs_per_attempt_after_the_credential_is_set()
    {
        var handler = new RecordingHandler().ThenRespond(HttpStatusCode.ServiceUnavailable).ThenRespond(HttpStatusCode.OK, KeyJson);
        var seen = new List<string?>();
        var services = new ServiceCollection();
        services.AddBifrostClient(o =>
            {
                o.BaseAddress = new Uri("https://bifrost.test/");
                o.Credential = BifrostCredential.BearerToken("di-token");
                o.RetryBaseDelay = TimeSpan.Zero;
            })
            .AddHttpMessageHandler(() => new ObservingHandler(seen))
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBifrostKeysClient>().GetKeyAsync("openai", "key-1");

        Assert.Equal(["Bearer di-token", "Bearer di-token"], seen);
    }

    [Fact]
    public async Task Logs_carry_method_path_status_and_attempt_but_no_secret()
    {
        var handler = new RecordingHandler()
            .ThenRespond(HttpStatusCode.ServiceUnavailable, """{"error":{"message":"body-secret-text"}}""")
            .ThenRespond(HttpStatusCode.OK, KeyJson);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();
        services.AddBifrostClient(o =>
        {
            o.BaseAddress = new Uri("https://bifrost.test/");
            o.Credential = BifrostCredential.BearerToken("log-secret-token");
            o.RetryBaseDelay = TimeSpan.Zero;
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBifrostKeysClient>().GetKeyAsync("openai", "key-1");

        var records = provider.GetRequiredService<FakeLogCollector>().GetSnapshot().Where(r => r.Category == "Bifrost.Client").ToList();
        Assert.Contains(records, r => r.Message.Contains("GET /api/providers/openai/keys/key-1 answered 503 on attempt 1"));
        Assert.Contains(records, r => r.Message.Contains("will be retried after attempt 1 (status 503)"));
        Assert.Contains(records, r => r.Message.Contains("answered 200 on attempt 2"));
        var all = provider.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.All(all, r =>
        {
            Assert.DoesNotContain("log-secret-token", r.Message);
            Assert.DoesNotContain("body-secret-text", r.Message);
        });
        Assert.All(records, r => Assert.DoesNotContain("Authorization", r.Message, StringComparison.OrdinalIgnoreCase));
    }

    private sealed class ObservingHandler(List<string?> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.Headers.Authorization?.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
