namespace Bifrost.Client.Http;

/// <summary>
/// Checks a provider name or key id before it becomes a path segment. Refit percent-encodes each segment
/// (<c>Uri.EscapeDataString</c>), so <c>/</c>, <c>%</c>, spaces and unicode stay inside their segment; the dot
/// segments <c>.</c> and <c>..</c>, which URI normalisation would resolve, are refused here.
/// </summary>
internal static class PathSegment
{
    public static void Validate(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("The value must not contain control characters.", paramName);
            }
        }

        if (value is "." or "..")
        {
            throw new ArgumentException("The value must not be '.' or '..'.", paramName);
        }
    }
}
