namespace Bifrost.Client.Http;

/// <summary>Per-request facts the handlers leave on the <see cref="HttpRequestMessage"/> for the error mapping.</summary>
internal static class BifrostRequestOptions
{
    /// <summary>The 1-based number of the attempt that produced the response.</summary>
    public static readonly HttpRequestOptionsKey<int> Attempt = new("Bifrost.Client.Attempt");

    /// <summary>Set when the attempt carried a virtual key as its bearer token.</summary>
    public static readonly HttpRequestOptionsKey<bool> VirtualKeySent = new("Bifrost.Client.VirtualKeySent");
}
