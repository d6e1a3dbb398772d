namespace Bifrost.Client.Testing.Emulator;

/// <summary>A provider config block of a key (<c>azure_key_config</c>, …) as the emulated server knows it.</summary>
internal sealed class BlockSchema
{
    public BlockSchema(string name, params FieldSchema[] fields)
    {
        Name = name;
        Fields = fields;
    }

    /// <summary>The JSON member name of the block.</summary>
    public string Name { get; }

    /// <summary>The fields the server's struct declares; any other member is dropped.</summary>
    public IReadOnlyList<FieldSchema> Fields { get; }

    /// <summary>Gen B/C keep the stored block when an update omits it (only <c>replicate_key_config</c>).</summary>
    public bool KeptWhenOmittedSinceGenB { get; init; }
}
