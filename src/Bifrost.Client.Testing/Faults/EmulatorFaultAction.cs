namespace Bifrost.Client.Testing;

/// <summary>What an <see cref="EmulatorFault"/> does to a request it matches.</summary>
public enum EmulatorFaultAction
{
    /// <summary>The request is processed normally (after the fault's delay, if any).</summary>
    PassThrough,

    /// <summary>The request is answered with a fixed status and body instead of being processed.</summary>
    Respond,

    /// <summary>The connection is dropped without an answer.</summary>
    DropConnection,
}
