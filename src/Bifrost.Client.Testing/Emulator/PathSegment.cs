using System.Text;

namespace Bifrost.Client.Testing.Emulator;

/// <summary>
/// Decoding of one percent-encoded path segment the way the server does (CONTRACT §1): every <c>%</c> must be
/// followed by two hex digits; the decoded bytes are UTF-8. The decoded value must then match exactly.
/// </summary>
internal static class PathSegment
{
    /// <summary>Decodes a segment; returns <see langword="false"/> with the server's reason on a bad escape.</summary>
    public static bool TryDecode(string segment, out string decoded, out string error)
    {
        decoded = "";
        error = "";
        if (!segment.Contains('%', StringComparison.Ordinal))
        {
            decoded = segment;
            return true;
        }

        var bytes = new List<byte>(segment.Length);
        for (int i = 0; i < segment.Length; i++)
        {
            char c = segment[i];
            if (c != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            if (i + 2 >= segment.Length || !Uri.IsHexDigit(segment[i + 1]) || !Uri.IsHexDigit(segment[i + 2]))
            {
                string bad = segment.Substring(i, Math.Min(3, segment.Length - i));
                error = $"invalid URL escape \"{bad}\"";
                return false;
            }

            bytes.Add(Convert.ToByte(segment.Substring(i + 1, 2), 16));
            i += 2;
        }

        decoded = Encoding.UTF8.GetString(bytes.ToArray());
        return true;
    }
}
