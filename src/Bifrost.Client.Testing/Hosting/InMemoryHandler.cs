using System.Net;
using System.Net.Http.Headers;

namespace Bifrost.Client.Testing.Hosting;

/// <summary>An <see cref="HttpMessageHandler"/> that answers from the emulator's core without any socket.</summary>
internal sealed class InMemoryHandler : HttpMessageHandler
{
    private readonly RequestProcessor _processor;

    public InMemoryHandler(RequestProcessor processor) => _processor = processor;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI; set HttpClient.BaseAddress to BifrostEmulator.BaseAddress.");
        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        var headers = new List<KeyValuePair<string, string>>();
        AddHeaders(headers, request.Headers);
        if (request.Content is not null)
        {
            AddHeaders(headers, request.Content.Headers);
        }

        var emulated = new EmulatorHttpRequest(request.Method.Method.ToUpperInvariant(), uri.AbsolutePath, uri.Query, headers, body);
        EmulatorHttpResponse answer = await _processor.ProcessAsync(emulated, cancellationToken).ConfigureAwait(false);
        if (answer.DropConnection)
        {
            throw new HttpRequestException(
                HttpRequestError.ConnectionError,
                "The Bifrost emulator dropped the connection (injected fault).",
                new IOException("The connection was closed by the emulated server."));
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(answer.Body),
        };
        if (answer.ContentType is not null)
        {
            response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(answer.ContentType);
        }

        foreach ((string name, string value) in answer.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    private static void AddHeaders(List<KeyValuePair<string, string>> target, HttpHeaders headers)
    {
        foreach ((string name, IEnumerable<string> values) in headers.NonValidated.Select(h => (h.Key, (IEnumerable<string>)h.Value)))
        {
            foreach (string value in values)
            {
                target.Add(new(name, value));
            }
        }
    }
}
