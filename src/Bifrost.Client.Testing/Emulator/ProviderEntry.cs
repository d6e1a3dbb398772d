namespace Bifrost.Client.Testing.Emulator;

/// <summary>A configured provider: its path name, the base type whose rules apply, and whether it is keyless.</summary>
internal sealed class ProviderEntry
{
    public ProviderEntry(string name, string baseType, bool isKeyLess)
    {
        Name = name;
        BaseType = baseType;
        IsKeyLess = isKeyLess;
    }

    public string Name { get; }

    public string BaseType { get; }

    public bool IsKeyLess { get; }
}
