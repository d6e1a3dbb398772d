using System.Text.Json.Nodes;

namespace Bifrost.Client.Tests.Support;

/// <summary>Loads the contract fixtures copied into the test output (Fixtures/bifrost-api).</summary>
public static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "bifrost-api");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public static JsonNode Node(string name) => JsonNode.Parse(Read(name))!;

    public static IEnumerable<string> Names(string pattern) =>
        System.IO.Directory.EnumerateFiles(Directory, pattern).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)!;
}
