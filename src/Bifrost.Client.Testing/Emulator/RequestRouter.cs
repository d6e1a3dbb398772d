using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bifrost.Client.Testing.Hosting;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// Maps a request to the server's routes: the open session routes, then management auth on <c>/api/*</c>,
/// then the key endpoints with percent-decoded path parameters (CONTRACT §1, §8).
/// </summary>
internal sealed class RequestRouter
{
    private readonly KeysApi _keys;
    private readonly AuthGate _auth;

    public RequestRouter(KeysApi keys, AuthGate auth)
    {
        _keys = keys;
        _auth = auth;
    }

    public EmulatorHttpResponse Route(EmulatorHttpRequest request)
    {
        try
        {
            return RouteCore(request);
        }
        catch (ApiErrorException ex)
        {
            return EmulatorHttpResponse.Error(ex.StatusCode, ex.Message);
        }
    }

    private EmulatorHttpResponse RouteCore(EmulatorHttpRequest request)
    {
        string method = request.Method;
        string path = request.RawPath;
        switch (path)
        {
            case "/health" when method == "GET":
                return EmulatorHttpResponse.Json(200, new JsonObject { ["status"] = "ok" });
            case "/api/session/is-auth-enabled" when method == "GET":
                return EmulatorHttpResponse.Json(200, new JsonObject
                {
                    ["is_auth_enabled"] = _auth.IsEnabled,
                    ["has_valid_token"] = _auth.IsEnabled && _auth.IsAuthorized(request.Header("Authorization")),
                });
            case "/api/session/login" when method == "POST":
                return Login(request.Body);
        }

        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return EmulatorHttpResponse.Error(404, "Not Found");
        }

        if (!_auth.IsAuthorized(request.Header("Authorization")))
        {
            return EmulatorHttpResponse.Error(401, "Unauthorized");
        }

        string[] segments = path.Split('/');
        if (segments is ["", "api", "keys"])
        {
            return method == "GET" ? _keys.ListAll() : MethodNotAllowed();
        }

        if (segments is not ["", "api", "providers", _, "keys", ..] || segments.Length > 6)
        {
            return EmulatorHttpResponse.Error(404, "Not Found");
        }

        string provider = PathSegment.TryDecode(segments[3], out string p, out string providerError)
            ? (p.Length > 0 ? p : throw new ApiErrorException(400, "Invalid provider: missing provider parameter"))
            : throw new ApiErrorException(400, "Invalid provider: " + providerError);

        if (segments.Length == 5)
        {
            return method switch
            {
                "GET" => _keys.List(provider),
                "POST" => _keys.Create(provider, request.Body),
                _ => MethodNotAllowed(),
            };
        }

        if (method is not ("GET" or "PUT" or "DELETE"))
        {
            return MethodNotAllowed();
        }

        if (segments[5].Length == 0)
        {
            throw new ApiErrorException(400, "missing key_id parameter");
        }

        string keyId = PathSegment.TryDecode(segments[5], out string k, out string keyError)
            ? k
            : throw new ApiErrorException(400, "invalid key_id parameter encoding: " + keyError);
        if (keyId.Trim().Length == 0)
        {
            throw new ApiErrorException(400, "invalid key_id parameter");
        }

        return method switch
        {
            "GET" => _keys.Get(provider, keyId),
            "PUT" => _keys.Update(provider, keyId, request.Body),
            _ => _keys.Delete(provider, keyId),
        };
    }

    private EmulatorHttpResponse Login(byte[] body)
    {
        if (!_auth.IsEnabled)
        {
            return EmulatorHttpResponse.Error(403, "Authentication is not enabled");
        }

        string? username = null;
        string? password = null;
        try
        {
            if (JsonNode.Parse(Encoding.UTF8.GetString(body)) is JsonObject credentials)
            {
                username = RawJson.TextOrNull(credentials["username"]);
                password = RawJson.TextOrNull(credentials["password"]);
            }
        }
        catch (JsonException)
        {
            return EmulatorHttpResponse.Error(400, "Invalid request payload");
        }

        if (_auth.Login(username, password) is not { } token)
        {
            return EmulatorHttpResponse.Error(401, "Invalid username or password");
        }

        EmulatorHttpResponse response = EmulatorHttpResponse.Json(200, new JsonObject { ["message"] = "Login successful", ["token"] = token });
        response.Headers.Add(new("Set-Cookie", $"token={token}; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax"));
        return response;
    }

    private static EmulatorHttpResponse MethodNotAllowed() => EmulatorHttpResponse.Error(405, "Method Not Allowed");
}
