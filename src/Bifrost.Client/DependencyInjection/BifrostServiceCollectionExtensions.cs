using Bifrost.Client;
using Bifrost.Client.DependencyInjection;
using Bifrost.Client.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Bifrost client with a service collection.</summary>
public static class BifrostServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBifrostKeysClient"/>, <see cref="BifrostKeysClient"/> and <see cref="IBifrostKeysApi"/>
    /// (transient), configured in code. Options are validated when first used (and at start-up under a host).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's HttpClient: add handlers (they run per attempt, after the credential is set) or change the primary handler.</returns>
    public static IHttpClientBuilder AddBifrostClient(this IServiceCollection services, Action<BifrostClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<BifrostClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers the client with options bound from a configuration section (keys in <c>docs/authentication.md</c>:
    /// <c>BaseAddress</c>, <c>Token</c>, <c>VirtualKey</c>, <c>Username</c>/<c>Password</c>, <c>AllowInsecureHttp</c>,
    /// <c>MaxRetries</c>, <c>RetryBaseDelay</c>, <c>MaxRetryDelay</c>, <c>MaxRetryAfter</c>, <c>AttemptTimeout</c>,
    /// <c>Timeout</c>). A reload of the section (a rotated token) applies to the next request.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section, for example <c>configuration.GetSection("Bifrost")</c>.</param>
    /// <param name="configure">Optional code-side settings applied after binding, for example a token provider.</param>
    /// <returns>The builder of the client's HttpClient.</returns>
    public static IHttpClientBuilder AddBifrostClient(this IServiceCollection services, IConfiguration configuration, Action<BifrostClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddOptions<BifrostClientOptions>().Configure(options => BifrostClientOptionsBinder.Bind(configuration, options));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.AddSingleton<IOptionsChangeTokenSource<BifrostClientOptions>>(
            new ConfigurationChangeTokenSource<BifrostClientOptions>(Options.Options.DefaultName, configuration));
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BifrostClientOptions>, BifrostClientOptionsValidator>());
        services.AddOptions<BifrostClientOptions>().ValidateOnStart();

        var builder = services.AddHttpClient(BifrostHttp.HttpClientName)
            .ConfigureHttpClient((sp, client) => BifrostHttp.ConfigureHttpClient(client, sp.GetRequiredService<IOptionsMonitor<BifrostClientOptions>>().CurrentValue))
            .AddHttpMessageHandler(sp =>
            {
                var monitor = sp.GetRequiredService<IOptionsMonitor<BifrostClientOptions>>();
                return BifrostHttp.CreateResilienceHandler(() => monitor.CurrentValue, sp.GetService<ILoggerFactory>());
            })
            .AddHttpMessageHandler(sp =>
            {
                var monitor = sp.GetRequiredService<IOptionsMonitor<BifrostClientOptions>>();
                return new CredentialHandler(() => monitor.CurrentValue);
            });

        services.TryAddTransient<IBifrostKeysApi>(sp => BifrostHttp.CreateApi(sp.GetRequiredService<IHttpClientFactory>().CreateClient(BifrostHttp.HttpClientName)));
        services.TryAddTransient(sp => new BifrostKeysClient(sp.GetRequiredService<IBifrostKeysApi>()));
        services.TryAddTransient<IBifrostKeysClient>(sp => sp.GetRequiredService<BifrostKeysClient>());
        return builder;
    }
}
