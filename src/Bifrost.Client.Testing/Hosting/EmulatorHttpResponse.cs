using System.Text;
using System.Text.Json.Nodes;

namespace Bifrost.Client.Testing.Hosting;

/// <summary>The core's answer: a status, headers and body, or an instruction to drop the connection.</summary>
internal sealed class EmulatorHttpResponse
{
    private EmulatorHttpResponse(int statusCode, byte[] body, string? contentType, bool dropConnection)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
        DropConnection = dropConnection;
    }

    public int StatusCode { get; }

    public byte[] Body { get; }

    public string? ContentType { get; }

    /// <summary>The transport must fail the request without an answer.</summary>
    public bool DropConnection { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public static EmulatorHttpResponse Json(int statusCode, JsonNode body) =>
        new(statusCode, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", false);

    public static EmulatorHttpResponse Raw(int statusCode, string body, string contentType) =>
        new(statusCode, Encoding.UTF8.GetBytes(body), contentType, false);

    public static EmulatorHttpResponse Drop() => new(0, [], null, true);

    /// <summary>The error body of CONTRACT §7.1.</summary>
    public static EmulatorHttpResponse Error(int statusCode, string message) => Json(statusCode, new JsonObject
    {
        ["is_bifrost_error"] = false,
        ["status_code"] = statusCode,
        ["error"] = new JsonObject { ["message"] = message },
        ["extra_fields"] = new JsonObject(),
    });
}
