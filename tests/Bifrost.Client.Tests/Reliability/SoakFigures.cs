using System.Globalization;
using System.Text;

namespace Bifrost.Client.Tests.Reliability;

/// <summary>What a soak run did, counted. Holds no secret: only counts, kinds and type names.</summary>
public sealed class SoakFigures
{
    public Dictionary<string, int> OperationsByKind { get; } = new(StringComparer.Ordinal);

    public Dictionary<SoakFault, int> FaultsByKind { get; } = [];

    public Dictionary<string, int> FailuresByType { get; } = new(StringComparer.Ordinal);

    public int Operations { get; set; }

    public int Succeeded { get; set; }

    public int Attempts { get; set; }

    public int Retries { get; set; }

    public int FaultsInjected => FaultsByKind.Values.Sum();

    public int InMemoryOperations { get; set; }

    public int LoopbackOperations { get; set; }

    public int AmbiguousUpdates { get; set; }

    public int CreatesResolvedAfterLostAnswer { get; set; }

    public TimeSpan FakeTimeElapsed { get; set; }

    public TimeSpan WallClock { get; set; }

    public void Injected(SoakFault fault) => Increment(FaultsByKind, fault);

    public void Operation(string kind) => Increment(OperationsByKind, kind);

    public void Failed(Exception exception)
    {
        string name = exception is BifrostApiException api
            ? string.Create(CultureInfo.InvariantCulture, $"{exception.GetType().Name} ({(int)api.StatusCode})")
            : exception.GetType().Name;
        Increment(FailuresByType, name);
    }

    public string Render(string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Fault soak: {title}");
        text.AppendLine(CultureInfo.InvariantCulture, $"operations:        {Operations} ({InMemoryOperations} in memory, {LoopbackOperations} over loopback)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  by kind:         {Join(OperationsByKind.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"succeeded:         {Succeeded}");
        text.AppendLine(CultureInfo.InvariantCulture, $"failed (typed):    {Operations - Succeeded}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  by type:         {Join(FailuresByType.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"HTTP attempts:     {Attempts}");
        text.AppendLine(CultureInfo.InvariantCulture, $"faults injected:   {FaultsInjected} ({Percent(FaultsInjected, Attempts)} of attempts)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  by kind:         {Join(FaultsByKind.OrderBy(p => p.Key).Select(p => (p.Key.ToString(), p.Value)))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"retries:           {Retries}");
        text.AppendLine(CultureInfo.InvariantCulture, $"ambiguous updates: {AmbiguousUpdates} (failed after a PUT may have landed)");
        text.AppendLine(CultureInfo.InvariantCulture, $"creates resolved by read-back after a lost answer: {CreatesResolvedAfterLostAnswer}");
        text.AppendLine(CultureInfo.InvariantCulture, $"fake time elapsed: {FakeTimeElapsed.TotalSeconds:0.###} s; wall clock: {WallClock.TotalSeconds:0.0} s");
        return text.ToString();
    }

    private static string Join(IEnumerable<(string Key, int Value)> pairs) =>
        string.Join(", ", pairs.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}")));

    private static string Percent(int part, int whole) =>
        whole == 0 ? "0%" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;
}
