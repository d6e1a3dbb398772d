namespace Bifrost.Client.Testing.Emulator;

/// <summary>The JSON type of a field in a key block, as the server's Go structs declare it.</summary>
internal enum FieldKind
{
    /// <summary>A secret-bearing value (CONTRACT §3).</summary>
    Secret,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON boolean.</summary>
    Bool,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>An array of strings.</summary>
    StringArray,

    /// <summary>Any JSON object, stored as given.</summary>
    Object,

    /// <summary>A nested block of fields with its own schema.</summary>
    Block,
}
