using System.Text;

namespace Bifrost.Client.Tests.Support;

/// <summary>
/// An independent reading of CONTRACT §5.3 (newest server), used to check <see cref="SecretValue.IsMask"/>.
/// The server is Go: "length" and "chars [4,28)" count UTF-8 bytes.
/// </summary>
public static class MaskOracle
{
    public static bool IsPlaceholder(string? text, bool isReference)
    {
        // 1: absent or "" (and not a reference) is not a mask.
        if (text is null || (text.Length == 0 && !isReference))
        {
            return false;
        }

        // 2: a reference is "redacted" but never a placeholder.
        if (isReference)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(text);

        // 3: length <= 8 and every char is '*'.
        if (bytes.Length <= 8)
        {
            return bytes.All(b => b == '*');
        }

        // 4: length == 32 and chars [4,28) are all '*'.
        if (bytes.Length == 32 && bytes.Skip(4).Take(24).All(b => b == '*'))
        {
            return true;
        }

        // 5: <redacted> or [redacted], case-insensitive.
        var lower = text.ToLowerInvariant();
        return lower is "<redacted>" or "[redacted]";
    }
}
