using System.Runtime.InteropServices;
using System.Text.Json;

namespace Bifrost.Client.Serialization;

/// <summary>Copies the raw UTF-8 JSON of an element, exactly as it appeared in the input.</summary>
internal static class JsonMarshalCompat
{
    public static byte[] GetRawUtf8(JsonElement element) => JsonMarshal.GetRawUtf8Value(element).ToArray();
}
