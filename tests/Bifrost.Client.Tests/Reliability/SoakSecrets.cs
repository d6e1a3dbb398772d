using System.Globalization;

namespace Bifrost.Client.Tests.Reliability;

/// <summary>Distinct, deterministic secret texts for a soak run, remembered so that logs and figures can be searched for them.</summary>
public sealed class SoakSecrets
{
    private readonly Random _random;
    private readonly List<string> _all = [];

    public SoakSecrets(int seed) => _random = new Random(seed);

    public IReadOnlyList<string> All => _all;

    public string New(string prefix)
    {
        string text = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{_random.NextInt64():x16}{_random.NextInt64():x16}");
        _all.Add(text);
        return text;
    }
}
