namespace Bifrost.Client;

/// <summary>The rule that keeps credentials off plain http to anything but loopback.</summary>
internal static class InsecureTransport
{
    public static bool IsRefused(Uri uri, BifrostCredential credential, bool allowInsecureHttp) =>
        credential.Kind != BifrostCredentialKind.None
        && !allowInsecureHttp
        && uri.IsAbsoluteUri
        && string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase)
        && !uri.IsLoopback;

    public static string Message(Uri uri) =>
        $"Refusing to send a credential over plain http:// to the non-loopback host '{uri.Host}'. Use https://, or set BifrostClientOptions.AllowInsecureHttp = true if you accept the risk.";
}
