using Bifrost.Client.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace Bifrost.Client.Http;

/// <summary>The wiring shared by the DI path and the no-DI path: Refit settings, the handler chain, the HttpClient setup.</summary>
internal static class BifrostHttp
{
    /// <summary>The name of the HttpClient that <c>AddBifrostClient</c> registers.</summary>
    public const string HttpClientName = "Bifrost.Client";

    public static RefitSettings CreateRefitSettings() => new(new SystemTextJsonContentSerializer(BifrostWireJson.Options))
    {
        ExceptionFactory = ApiExceptionFactory.CreateAsync,
        DeserializationExceptionFactory = ApiExceptionFactory.CreateDeserializationAsync,
        TransportExceptionFactory = static (_, exception, _) => exception,

        // Bodies are serialized synchronously into a byte array (exact length, Content-Length set), which every
        // attempt of a retried call replays unchanged.
        RequestBodySerialization = RequestBodySerializationMode.Buffered,
    };

    public static IBifrostKeysApi CreateApi(HttpClient httpClient) =>
        new BifrostApi(RestService.ForGenerated<IBifrostKeysRawApi>(httpClient, CreateRefitSettings()));

    public static ResilienceHandler CreateResilienceHandler(Func<BifrostClientOptions> options, ILoggerFactory? loggerFactory) =>
        new(options, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(Log.CategoryName));

    /// <summary>resilience (outer, once per call) → credential (per attempt) → <paramref name="primary"/>.</summary>
    public static HttpMessageHandler CreateHandlerChain(Func<BifrostClientOptions> options, HttpMessageHandler primary, ILoggerFactory? loggerFactory)
    {
        var resilience = CreateResilienceHandler(options, loggerFactory);
        resilience.InnerHandler = new CredentialHandler(options) { InnerHandler = primary };
        return resilience;
    }

    public static void ConfigureHttpClient(HttpClient httpClient, BifrostClientOptions options)
    {
        httpClient.BaseAddress = options.BaseAddress;

        // The resilience pipeline owns every timeout; HttpClient's own 100 s would surface as a bare TaskCanceledException.
        httpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }
}
