using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bifrost.Client.Serialization;

namespace Bifrost.Client.Http;

/// <summary>
/// Redacts, from an error answer, the secrets its request carried: the credential of the <c>Authorization</c> header
/// (the bearer token, or the Basic user:password and password) and the literal secret fields of the key in the body.
/// A server or proxy that echoes them (for example <c>invalid region "…"</c>) would otherwise put them into an
/// exception's message and <see cref="BifrostApiException.ResponseBody"/>. Secrets the request did not carry cannot
/// be recognised and are not redacted.
/// </summary>
internal static class RequestSecrets
{
    /// <summary>What replaces an echoed secret.</summary>
    public const string Placeholder = "[redacted]";

    /// <summary>Shorter texts are not searched for: replacing them would garble the message and hide nothing.</summary>
    private const int MinLength = 4;

    /// <summary>Request bodies larger than this are not parsed for secrets (a key body is a few kilobytes).</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    public static async ValueTask<string?> RedactAsync(string? text, HttpRequestMessage? request)
    {
        if (string.IsNullOrEmpty(text) || request is null)
        {
            return text;
        }

        var secrets = new List<string>();
        AddCredential(request.Headers.Authorization, secrets);
        await AddBodySecretsAsync(BifrostCall.Find(request)?.BodyOfFailedCall, request.Content, secrets).ConfigureAwait(false);
        foreach (var secret in secrets.Where(s => s.Length >= MinLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Placeholder, StringComparison.Ordinal);
        }

        return text;
    }

    private static void AddCredential(AuthenticationHeaderValue? authorization, List<string> secrets)
    {
        if (authorization?.Parameter is not { Length: > 0 } parameter)
        {
            return;
        }

        secrets.Add(parameter);
        if (string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                secrets.Add(pair);
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    secrets.Add(pair[(colon + 1)..]);
                }
            }
            catch (FormatException)
            {
            }
        }
    }

    private static async ValueTask AddBodySecretsAsync(byte[]? kept, HttpContent? content, List<string> secrets)
    {
        if (kept is null && (content is null || content.Headers.ContentLength is null or 0 or > MaxBodyBytes))
        {
            return;
        }

        try
        {
            var body = kept ?? await content!.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (body.Length is 0 or > MaxBodyBytes)
            {
                return;
            }

            var key = JsonSerializer.Deserialize(body, BifrostJsonContext.Default.ProviderKey);
            if (key is null)
            {
                return;
            }

            foreach (var field in key.CollectSecrets())
            {
                if (field.Value is { IsReference: false, IsMask: false } value && value.Reveal() is { } secret)
                {
                    secrets.Add(secret);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or ObjectDisposedException or InvalidOperationException or HttpRequestException or IOException)
        {
            // Not a key body, or no longer readable: nothing to redact from it.
        }
    }
}
