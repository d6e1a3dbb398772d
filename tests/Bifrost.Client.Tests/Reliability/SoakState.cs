namespace Bifrost.Client.Tests.Reliability;

/// <summary>The soak's expectation of the server, from the client's side only (acknowledgements and failures).</summary>
public sealed class SoakState
{
    /// <summary>Keys known to exist: seeded, or created with an acknowledgement, and not deleted.</summary>
    public List<TrackedKey> Live { get; } = [];

    /// <summary>Keys whose delete was acknowledged (or answered 404 on a repeat after the first attempt landed).</summary>
    public List<TrackedKey> Deleted { get; } = [];

    /// <summary>Keys whose delete failed: they may or may not exist.</summary>
    public List<TrackedKey> MaybeDeleted { get; } = [];

    /// <summary>Creates that failed: the key may exist (at most once) or not.</summary>
    public List<(string Provider, string Name, string Value)> MaybeCreated { get; } = [];
}
