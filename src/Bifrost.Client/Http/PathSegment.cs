namespace Bifrost.Client.Http;

/// <summary>
/// Checks a provider name or key id before it becomes a path segment. Refit percent-encodes each segment
/// (<c>Uri.EscapeDataString</c>), so <c>/</c>, <c>%</c>, spaces and unicode stay inside their segment; the dot
/// segments <c>.</c> and <c>..</c>, which URI normalisation would resolve, are refused here, and so are values longer
/// than <see cref="MaxLength"/>.
/// </summary>
internal static class PathSegment
{
    /// <summary>Provider names and key ids are short; a longer value is a mistake (and would exceed a server's URL limit).</summary>
    public const int MaxLength = 1024;

    public static void Validate(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"The value is {value.Length} characters long; at most {MaxLength} are allowed.", paramName);
        }

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
