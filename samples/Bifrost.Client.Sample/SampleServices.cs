using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bifrost.Client.Sample;

/// <summary>The sample's service container: the Bifrost client registered the way an application registers it.</summary>
internal static class SampleServices
{
    /// <summary>Builds the container.</summary>
    /// <param name="baseAddress">The server root.</param>
    /// <param name="credential">The credential.</param>
    /// <param name="verbose">Log at Information level instead of Warning.</param>
    /// <param name="allowInsecureHttp">Allow the credential over plain http:// to a host other than loopback.</param>
    /// <param name="primaryHandler">Optional: a handler to send requests through instead of the network (tests).</param>
    /// <returns>The provider; the caller disposes it.</returns>
    public static ServiceProvider Build(Uri baseAddress, BifrostCredential credential, bool verbose, bool allowInsecureHttp = false, Func<HttpMessageHandler>? primaryHandler = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)); // logs go to stderr, the report to stdout

        // The registration an application writes. Plain http:// is allowed to loopback without AllowInsecureHttp.
        var http = services.AddBifrostClient(o =>
        {
            o.BaseAddress = baseAddress;
            o.Credential = credential;
            o.AllowInsecureHttp = allowInsecureHttp;
        });

        if (primaryHandler is not null)
        {
            http.ConfigurePrimaryHttpMessageHandler(primaryHandler);
        }

        return services.BuildServiceProvider();
    }
}
