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

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = _options();
        var credential = options.Credential ?? BifrostCredential.None;
        request.Headers.Authorization = null;
        request.Options.Set(BifrostRequestOptions.VirtualKeySent, false);
        if (credential.Kind != BifrostCredentialKind.None)
        {
            if (request.RequestUri is { } uri && InsecureTransport.IsRefused(uri, credential, options.AllowInsecureHttp))
            {
                throw new BifrostException(InsecureTransport.Message(uri));
            }

            var header = await credential.GetAuthorizationAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = header;
            if (header is { Scheme: "Bearer", Parameter: { } token } && token.StartsWith(BifrostCredential.VirtualKeyPrefix, StringComparison.Ordinal))
            {
                request.Options.Set(BifrostRequestOptions.VirtualKeySent, true);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
