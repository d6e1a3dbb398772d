using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bifrost.Client.Testing;

namespace Bifrost.Client.Tests.Emulator;

/// <summary>The two front doors of the emulator, for tests that must pass through both.</summary>
public enum Door
{
    InMemory,
    Loopback,
}

/// <summary>An answer read as status, headers and parsed JSON (or raw text).</summary>
public sealed class Answer
{
    public required HttpStatusCode Status { get; init; }

    public required HttpResponseMessage Response { get; init; }

    public required string Text { get; init; }

    public JsonNode? Json => Text.Length == 0 ? null : JsonNode.Parse(Text);

    public string ErrorMessage => Json?["error"]?["message"]?.GetValue<string>() ?? "";
}

/// <summary>Plain <see cref="HttpClient"/> helpers: the SDK client is deliberately not used here.</summary>
public static class EmulatorHttp
{
    public static async Task<HttpClient> OpenAsync(BifrostEmulator emulator, Door door)
    {
        if (door == Door.InMemory)
        {
            return emulator.CreateClient();
        }

        Uri address = await emulator.StartAsync();
        return new HttpClient { BaseAddress = address };
    }

    public static Task<Answer> GetJsonAsync(this HttpClient http, string path, CancellationToken cancellationToken = default) =>
        SendAsync(http, HttpMethod.Get, path, body: null, cancellationToken);

    public static Task<Answer> DeleteJsonAsync(this HttpClient http, string path) => SendAsync(http, HttpMethod.Delete, path, body: null);

    public static Task<Answer> PutJsonAsync(this HttpClient http, string path, JsonNode body) =>
        SendAsync(http, HttpMethod.Put, path, body.ToJsonString());

    public static Task<Answer> PostJsonAsync(this HttpClient http, string path, JsonNode body) =>
        SendAsync(http, HttpMethod.Post, path, body.ToJsonString());

    public static async Task<Answer> SendAsync(this HttpClient http, HttpMethod method, string path, string? body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
        return new Answer { Status = response.StatusCode, Response = response, Text = await response.Content.ReadAsStringAsync(cancellationToken) };
    }

    /// <summary>A raw key in Appendix A form.</summary>
    public static JsonObject RawKey(string id, string name, string value, params (string Name, JsonNode? Value)[] extra)
    {
        var key = new JsonObject { ["id"] = id, ["name"] = name, ["value"] = value, ["models"] = new JsonArray("*"), ["weight"] = 1 };
        foreach ((string n, JsonNode? v) in extra)
        {
            key[n] = v;
        }

        return key;
    }

    /// <summary>JSON equality with numbers compared by value and object members in any order.</summary>
    public static bool JsonEquals(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return (a, b) switch
        {
            (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.ContainsKey(p.Key) && JsonEquals(p.Value, y[p.Key])),
            (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => JsonEquals(p.First, p.Second)),
            (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number =>
                double.Parse(x.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) == double.Parse(y.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
            (JsonValue x, JsonValue y) => x.GetValueKind() == y.GetValueKind() && x.ToJsonString() == y.ToJsonString(),
            _ => false,
        };
    }

    public static void AssertJson(JsonNode? expected, JsonNode? actual, string because = "")
    {
        Assert.True(JsonEquals(expected, actual), $"{because}\nexpected: {expected?.ToJsonString() ?? "null"}\nactual:   {actual?.ToJsonString() ?? "null"}");
    }
}
