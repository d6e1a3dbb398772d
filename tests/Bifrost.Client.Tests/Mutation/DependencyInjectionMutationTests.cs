using System.Net;
using Bifrost.Client.DependencyInjection;
using Bifrost.Client.Tests.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bifrost.Client.Tests.Mutation;

/// <summary>Kills mutants of the configuration binder and the registration that the behaviour tests left alive.</summary>
public sealed class DependencyInjectionMutationTests
{
    private const string KeyJson = """{"id":"key-1","name":"primary","models":["*"]}""";

    [Fact]
    public void Every_setting_binds_from_the_section()
    {
        var options = Bind(new()
        {
            ["B:BaseAddress"] = "http://bifrost.internal/",
            ["B:AllowInsecureHttp"] = "true",
            ["B:MaxRetries"] = "7",
            ["B:RetryBaseDelay"] = "00:00:02",
            ["B:MaxRetryDelay"] = "00:00:20",
            ["B:MaxRetryAfter"] = "00:00:40",
            ["B:AttemptTimeout"] = "00:00:15",
            ["B:Timeout"] = "00:03:00",
        });

        Assert.Equal(new Uri("http://bifrost.internal/"), options.BaseAddress);
        Assert.True(options.AllowInsecureHttp);
        Assert.Equal(7, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.MaxRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(40), options.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(15), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(3), options.Timeout);
        Assert.Equal(BifrostCredentialKind.None, options.Credential.Kind);
    }

    [Fact]
    public void Absent_settings_keep_the_defaults()
    {
        var options = Bind(new() { ["B:BaseAddress"] = "https://bifrost.test/" });
        var defaults = new BifrostClientOptions();

        Assert.Equal(defaults.MaxRetries, options.MaxRetries);
        Assert.Equal(defaults.RetryBaseDelay, options.RetryBaseDelay);
        Assert.Equal(defaults.MaxRetryDelay, options.MaxRetryDelay);
        Assert.Equal(defaults.MaxRetryAfter, options.MaxRetryAfter);
        Assert.Equal(defaults.Timeout, options.Timeout);
        Assert.False(options.AllowInsecureHttp);
    }

    [Theory]
    [InlineData("Token", "t1", null, null, null, BifrostCredentialKind.BearerToken)]
    [InlineData(null, null, "VirtualKey", "sk-bf-1", null, BifrostCredentialKind.VirtualKey)]
    [InlineData(null, null, null, null, "admin", BifrostCredentialKind.Basic)]
    public void One_credential_binds(string? tokenKey, string? token, string? vkKey, string? vk, string? user, BifrostCredentialKind kind)
    {
        var values = new Dictionary<string, string?> { ["B:BaseAddress"] = "https://bifrost.test/" };
        if (tokenKey is not null)
        {
            values["B:" + tokenKey] = token;
        }

        if (vkKey is not null)
        {
            values["B:" + vkKey] = vk;
        }

        if (user is not null)
        {
            values["B:Username"] = user;
            values["B:Password"] = "pw";
        }

        Assert.Equal(kind, Bind(values).Credential.Kind);
    }

    [Theory]
    [InlineData("Token", "VirtualKey")]
    [InlineData("Token", "Username")]
    [InlineData("Token", "Password")]
    [InlineData("VirtualKey", "Username")]
    [InlineData("VirtualKey", "Password")]
    public void Two_credentials_are_refused(string first, string second)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Bind(new()
        {
            ["B:" + first] = first == "VirtualKey" ? "sk-bf-1" : "v1",
            ["B:" + second] = second == "VirtualKey" ? "sk-bf-2" : "v2",
        }));

        Assert.Equal("Configuration section 'B' sets more than one of Token, VirtualKey and Username/Password; choose one.", ex.Message);
    }

    [Theory]
    [InlineData("Username")]
    [InlineData("Password")]
    public void Half_of_the_admin_credentials_is_an_invalid_credential(string key)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Bind(new() { ["B:" + key] = "only-one-half" }));

        Assert.StartsWith("Configuration section 'B' has an invalid credential: ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("only-one-half", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BaseAddress", "not a uri", "Configuration key 'B:BaseAddress' is not an absolute URI.")]
    [InlineData("AllowInsecureHttp", "yes", "Configuration key 'B:AllowInsecureHttp' must be true or false.")]
    [InlineData("MaxRetries", "many", "Configuration key 'B:MaxRetries' must be an integer.")]
    [InlineData("Timeout", "soon", "Configuration key 'B:Timeout' must be a time span such as 00:00:30.")]
    public void A_bad_value_names_its_key(string key, string value, string expected)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Bind(new() { ["B:" + key] = value }));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void A_bad_value_at_the_root_names_the_bare_key()
    {
        var root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MaxRetries"] = "x" }).Build();

        var ex = Assert.Throws<InvalidOperationException>(() => BifrostClientOptionsBinder.Bind(root, new BifrostClientOptions()));

        Assert.Equal("Configuration key 'MaxRetries' must be an integer.", ex.Message);
    }

    [Fact]
    public void Null_arguments_are_named()
    {
        var services = new ServiceCollection();

        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => services.AddBifrostClient((Action<BifrostClientOptions>)null!)).ParamName);
        Assert.Equal("configuration", Assert.Throws<ArgumentNullException>(() => services.AddBifrostClient((IConfiguration)null!)).ParamName);
    }

    [Fact]
    public async Task Code_settings_apply_after_the_configuration_section()
    {
        var handler = new RecordingHandler(fallback: (_, _) => Task.FromResult(RecordingHandler.Respond(HttpStatusCode.OK, KeyJson)));
        var configuration = Configuration(new() { ["B:BaseAddress"] = "https://bifrost.test/", ["B:Token"] = "from-config" });
        var services = new ServiceCollection();
        services.AddBifrostClient(configuration.GetSection("B"), o => o.Credential = BifrostCredential.BearerToken("from-code"))
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IBifrostKeysClient>().GetKeyAsync("openai", "key-1");

        Assert.Equal("Bearer from-code", Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public void Invalid_options_fail_the_start_up_validation()
    {
        var services = new ServiceCollection();
        services.AddBifrostClient(o => o.MaxRetries = 99);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("MaxRetries must be between 0 and 10.", ex.Message, StringComparison.Ordinal);
    }

    private static BifrostClientOptions Bind(Dictionary<string, string?> values)
    {
        var options = new BifrostClientOptions();
        BifrostClientOptionsBinder.Bind(Configuration(values).GetSection("B"), options);
        return options;
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
