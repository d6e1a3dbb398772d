using System.Text.Json;
using Bifrost.Client.Tests.Support;

namespace Bifrost.Client.Tests.Models;

/// <summary>
/// The fixture copies under tests/ stay byte-identical to ../shared/bifrost-api/fixtures when that folder exists.
/// Without it, the copies must still exist and parse.
/// </summary>
public class FixtureSyncTests
{
    [Fact]
    public void Copies_exist_parse_and_match_the_shared_fixtures_when_present()
    {
        var copies = Directory.GetFiles(Fixtures.SourceDirectory, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(copy));
            Assert.NotEqual(JsonValueKind.Undefined, document.RootElement.ValueKind);
        }

        // The test binaries read the build output copies: those must equal the source copies.
        foreach (var copy in copies)
        {
            var output = Path.Combine(Fixtures.Directory, Path.GetFileName(copy));
            Assert.True(File.ReadAllBytes(copy).AsSpan().SequenceEqual(File.ReadAllBytes(output)), $"stale build copy: {output}");
        }

        var shared = Fixtures.SharedDirectory;
        if (!Directory.Exists(shared))
        {
            return;
        }

        var sharedNames = Directory.GetFiles(shared, "*.json").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(sharedNames, copies.Select(Path.GetFileName));
        foreach (var copy in copies)
        {
            var original = Path.Combine(shared, Path.GetFileName(copy));
            Assert.True(File.ReadAllBytes(copy).AsSpan().SequenceEqual(File.ReadAllBytes(original)), $"{Path.GetFileName(copy)} differs from {original}");
        }
    }
}
