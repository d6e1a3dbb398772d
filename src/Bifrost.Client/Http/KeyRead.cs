using System.Text.Json;
using Bifrost.Client.Serialization;

namespace Bifrost.Client.Http;

/// <summary>
/// One read of a stored key for the safe update: the parsed key, and, when the SDK's own transport made the read, the
/// exact bytes it arrived as. With the bytes, the untouched snapshot is a second parse (no serialize-and-parse clone),
/// and two reads with identical bytes are the same stored key without parsing the second one.
/// </summary>
internal sealed class KeyRead
{
    private readonly byte[]? _json;
    private readonly HttpRequestMessage? _request;
    private ProviderKey? _key;

    /// <summary>A read that produced a parsed key (a mock, a decorated <see cref="IBifrostKeysApi"/>, a subclass).</summary>
    public KeyRead(ProviderKey? key)
    {
        _key = key ?? throw new InvalidOperationException("The key read returned null.");
    }

    /// <summary>A read that kept the bytes of the answer; they are parsed on first use.</summary>
    public KeyRead(byte[] json, HttpRequestMessage? request)
    {
        _json = json;
        _request = request;
    }

    /// <summary>The key as read (parsed once, then the same instance: the caller edits it in place).</summary>
    public ProviderKey Key => _key ??= Parse();

    /// <summary>A second, independent copy of the key as read, taken before any edit.</summary>
    public ProviderKey Snapshot() => _json is null ? Key.Clone() : Parse();

    /// <summary>True when both reads kept their bytes and the bytes are identical: then they are the same stored key.</summary>
    public bool HasSameBytesAs(KeyRead other) =>
        _json is { } mine && other._json is { } theirs && mine.AsSpan().SequenceEqual(theirs);

    private ProviderKey Parse()
    {
        ProviderKey? key = null;
        if (_json.AsSpan().Trim(" \t\r\n"u8).Length > 0)
        {
            try
            {
                key = JsonSerializer.Deserialize(_json, BifrostJsonContext.Default.ProviderKey);
            }
            catch (JsonException exception)
            {
                throw ApiExceptionFactory.Unreadable(200, _request, exception);
            }
        }

        return key ?? throw Routes.EmptyAnswer(Route());
    }

    private string Route() => _request is null ? "GET" : $"{_request.Method.Method} {ResiliencePipelineFactory.PathOf(_request)}";
}
