using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bifrost.Client.Testing.Hosting;

/// <summary>A Kestrel endpoint on 127.0.0.1 and a free port, feeding the same processing core.</summary>
internal sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<LoopbackHost> StartAsync(RequestProcessor processor, CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.Run(context => HandleAsync(processor, context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task HandleAsync(RequestProcessor processor, HttpContext context)
    {
        string target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        int queryStart = target.IndexOf('?', StringComparison.Ordinal);
        string rawPath = queryStart < 0 ? target : target[..queryStart];
        string query = queryStart < 0 ? "" : target[queryStart..];

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);

        var headers = new List<KeyValuePair<string, string>>();
        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in context.Request.Headers)
        {
            foreach (string? value in values)
            {
                headers.Add(new(name, value ?? ""));
            }
        }

        var request = new EmulatorHttpRequest(context.Request.Method.ToUpperInvariant(), rawPath, query, headers, buffer.ToArray());
        EmulatorHttpResponse answer;
        try
        {
            answer = await processor.ProcessAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away during an injected delay
        }

        if (answer.DropConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = answer.StatusCode;
        if (answer.ContentType is not null)
        {
            context.Response.ContentType = answer.ContentType;
        }

        foreach ((string name, string value) in answer.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        context.Response.ContentLength = answer.Body.Length;
        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
