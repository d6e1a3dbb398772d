namespace Bifrost.Client.Http;

/// <summary>The key endpoints by name, as error messages quote them, and the error for an answer without a value.</summary>
internal static class Routes
{
    public const string ListKeys = "GET /api/providers/{provider}/keys";
    public const string CreateKey = "POST /api/providers/{provider}/keys";
    public const string GetKey = "GET /api/providers/{provider}/keys/{key_id}";
    public const string UpdateKey = "PUT /api/providers/{provider}/keys/{key_id}";
    public const string DeleteKey = "DELETE /api/providers/{provider}/keys/{key_id}";
    public const string ListAllKeys = "GET /api/keys";

    /// <summary>A success answer with an empty body or JSON <c>null</c> where a value is required is a server fault, not a null result.</summary>
    public static BifrostException EmptyAnswer(string route) =>
        new($"Bifrost answered {route} with an empty body or JSON null where a value was expected.");
}
