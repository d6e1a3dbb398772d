namespace Bifrost.Client.Testing;

/// <summary>What a fault's predicate sees of an incoming request.</summary>
public sealed class EmulatorRequest
{
    internal EmulatorRequest(string method, string path)
    {
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method, upper case (<c>GET</c>, <c>PUT</c>, …).</summary>
    public string Method { get; }

    /// <summary>The request path as sent (still percent-encoded), without the query string.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override string ToString() => Method + " " + Path;
}
