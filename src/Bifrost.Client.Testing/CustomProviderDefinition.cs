namespace Bifrost.Client.Testing;

/// <summary>
/// A custom provider configured on the emulated server: a name of its own on top of a built-in base provider type.
/// </summary>
public sealed class CustomProviderDefinition
{
    /// <summary>Creates a custom provider definition.</summary>
    /// <param name="name">The provider name used in request paths.</param>
    /// <param name="baseProviderType">The built-in provider whose rules apply (for example <c>openai</c>).</param>
    /// <param name="isKeyLess">When <see langword="true"/>, the provider refuses key creation, update and deletion.</param>
    public CustomProviderDefinition(string name, string baseProviderType, bool isKeyLess = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseProviderType);
        Name = name;
        BaseProviderType = baseProviderType;
        IsKeyLess = isKeyLess;
    }

    /// <summary>The provider name used in request paths.</summary>
    public string Name { get; }

    /// <summary>The built-in provider type whose validation rules apply.</summary>
    public string BaseProviderType { get; }

    /// <summary>Whether the provider is keyless (<c>is_key_less: true</c>).</summary>
    public bool IsKeyLess { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} (base {BaseProviderType}{(IsKeyLess ? ", keyless" : "")})";
}
