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

    /// <summary>The fixture copies in the source tree (tests/Bifrost.Client.Tests/Fixtures/bifrost-api).</summary>
    public static string SourceDirectory => Path.Combine(RepositoryRoot, "tests", "Bifrost.Client.Tests", "Fixtures", "bifrost-api");

    /// <summary>The shared fixtures next to the repository (../shared/bifrost-api/fixtures); may not exist.</summary>
    public static string SharedDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "bifrost-api", "fixtures"));

    /// <summary>The folder holding Bifrost.Client.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bifrost.Client.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Bifrost.Client.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
