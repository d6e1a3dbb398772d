namespace Bifrost.Client;

/// <summary>What happened to a field of a key in an edit.</summary>
public enum KeyChangeKind
{
    /// <summary>The field (or list entry) is new.</summary>
    Added = 0,

    /// <summary>The field (or list entry) is gone.</summary>
    Removed = 1,

    /// <summary>The field has a different value.</summary>
    Changed = 2,
}
