namespace Bifrost.Client.Http;

/// <summary>
/// Adds the <c>Authorization</c> header to each attempt from the options current at that moment, and refuses to send
/// a credential over plain http to a non-loopback host.
/// </summary>
internal sealed class CredentialHandler : DelegatingHandler
{
    private readonly Func<BifrostClientOptions> _options;

    public CredentialHandler(Func<BifrostClientOptions> options)
    {
        _options = options;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = _options();
        var credential = options.Credential ?? BifrostCredential.None;
        var call = BifrostCall.Of(request);
        request.Headers.Authorization = null;
        call.VirtualKeySent = false;
        if (credential.Kind == BifrostCredentialKind.None)
        {
            return base.SendAsync(request, cancellationToken);
        }

        if (request.RequestUri is { } uri && InsecureTransport.IsRefused(uri, credential, options.AllowInsecureHttp))
        {
            return Task.FromException<HttpResponseMessage>(new BifrostException(InsecureTransport.Message(uri)));
        }

        // A fixed credential's header is built once and shared; only a token provider is asked on every attempt.
        if (credential.FixedAuthorization is { } header)
        {
            request.Headers.Authorization = header;
            call.VirtualKeySent = credential.Kind == BifrostCredentialKind.VirtualKey;
            return base.SendAsync(request, cancellationToken);
        }

        return SendWithProvidedTokenAsync(request, credential, call, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithProvidedTokenAsync(HttpRequestMessage request, BifrostCredential credential, BifrostCall call, CancellationToken cancellationToken)
    {
        var header = await credential.GetAuthorizationAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = header;
        call.VirtualKeySent = header is { Scheme: "Bearer", Parameter: { } token } && token.StartsWith(BifrostCredential.VirtualKeyPrefix, StringComparison.Ordinal);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
