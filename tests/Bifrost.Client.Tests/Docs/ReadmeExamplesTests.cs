using System.Text;
using System.Text.RegularExpressions;

namespace Bifrost.Client.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of README.md and docs/*.md must appear, whitespace-normalised, in DocExamples.cs, which
/// the build compiles: so a documented example that stops compiling against the real API breaks the build.
/// </summary>
/// <remarks>
/// A block that is deliberately not compilable (a fragment, pseudo-code) is excluded only by a marker line
/// <c>&lt;!-- not-compiled: reason --&gt;</c> right before its opening fence. Leading <c>using X;</c> directives of a block
/// are checked against DocExamples.cs on their own (they cannot sit inside a method); the rest must appear contiguously.
/// </remarks>
public sealed partial class ReadmeExamplesTests
{
    private const string ExamplesFile = "tests/Bifrost.Client.Tests/Docs/DocExamples.cs";

    [Fact]
    public void Every_csharp_block_in_the_docs_is_in_the_compiled_examples()
    {
        var root = FindRepositoryRoot();
        var examples = Normalize(File.ReadAllText(Path.Combine(root, ExamplesFile)));
        var blocks = DocumentedFiles(root).SelectMany(f => ExtractBlocks(File.ReadAllText(f), Path.GetRelativePath(root, f))).ToList();

        var missing = new List<string>();
        foreach (var block in blocks.Where(b => !b.IsExcluded))
        {
            var (usings, body) = SplitUsings(block.Code);
            var absentUsings = usings.Where(u => !examples.Contains(Normalize(u), StringComparison.Ordinal)).ToList();
            if (absentUsings.Count > 0 || !examples.Contains(Normalize(body), StringComparison.Ordinal))
            {
                missing.Add($"{block.File}:{block.Line}: {FirstLine(block.Code)}");
            }
        }

        Assert.True(
            missing.Count == 0,
            $"These csharp blocks are not in {ExamplesFile} (add each as the body of a method there, or fix the doc; "
            + $"mark a deliberate fragment with <!-- not-compiled: reason -->):{Environment.NewLine}"
            + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void The_docs_have_csharp_blocks_to_check()
    {
        var root = FindRepositoryRoot();
        var blocks = DocumentedFiles(root).SelectMany(f => ExtractBlocks(File.ReadAllText(f), Path.GetRelativePath(root, f))).ToList();

        Assert.Contains(blocks, b => b.File == "README.md" && !b.IsExcluded);
        Assert.True(blocks.Count(b => !b.IsExcluded) >= 10, $"only {blocks.Count} csharp blocks found");
    }

    [Fact]
    public void Every_exclusion_marker_gives_a_reason()
    {
        var root = FindRepositoryRoot();
        foreach (var file in DocumentedFiles(root))
        {
            foreach (Match m in MarkerLine().Matches(File.ReadAllText(file)))
            {
                Assert.False(string.IsNullOrWhiteSpace(m.Groups["reason"].Value), $"{Path.GetRelativePath(root, file)}: a not-compiled marker without a reason");
            }
        }
    }

    [Fact]
    public void Extraction_takes_csharp_blocks_only_and_honours_the_marker()
    {
        const string markdown = """
            # Title

            ```csharp
            var a = 1;
            ```

            ```json
            {"a": 1}
            ```

            ```sh
            dotnet test
            ```

            <!-- not-compiled: a fragment -->
            ```csharp
            key.Weight = ...;
            ```

            <!-- not-compiled: the marker must be right before the fence -->

            Some text.

            ```cs
              var b = 2;
              var c = b;
            ```
            """;

        var blocks = ExtractBlocks(markdown, "x.md");

        Assert.Equal(3, blocks.Count);
        Assert.Equal(("var a = 1;", false, 4), (blocks[0].Code, blocks[0].IsExcluded, blocks[0].Line));
        Assert.Equal(("key.Weight = ...;", true), (blocks[1].Code, blocks[1].IsExcluded));
        Assert.Equal(("  var b = 2;\n  var c = b;", false), (blocks[2].Code, blocks[2].IsExcluded));
    }

    [Fact]
    public void Normalisation_ignores_indentation_and_line_breaks_but_not_tokens()
    {
        Assert.Equal(Normalize("var x =\n    Foo( 1 );"), Normalize("  var  x = Foo( 1 );  "));
        Assert.NotEqual(Normalize("var x = Foo(1);"), Normalize("var x = Foo(2);"));
    }

    [Fact]
    public void Leading_using_directives_are_split_from_the_body()
    {
        var (usings, body) = SplitUsings("using Bifrost.Client;\nusing static System.Math;\n\nusing var x = Make();\nvar y = 1;");

        Assert.Equal(["using Bifrost.Client;", "using static System.Math;"], usings);
        Assert.Equal("using var x = Make();\nvar y = 1;", body.Trim());
    }

    internal static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bifrost.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Bifrost.Client.sln not found above {AppContext.BaseDirectory}.");
    }

    internal static IEnumerable<string> DocumentedFiles(string root) =>
        new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md").OrderBy(f => f, StringComparer.Ordinal));

    internal static List<DocBlock> ExtractBlocks(string markdown, string file)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<DocBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = FenceOpen().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var ticks = fence.Groups["ticks"].Value;
            var language = fence.Groups["lang"].Value.Trim();
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith(ticks, StringComparison.Ordinal))
            {
                end++;
            }

            if (language is "csharp" or "cs" or "c#")
            {
                var previous = i - 1;
                while (previous >= 0 && string.IsNullOrWhiteSpace(lines[previous]))
                {
                    previous--;
                }

                var excluded = previous >= 0 && MarkerLine().IsMatch(lines[previous]);
                blocks.Add(new DocBlock(file, start + 1, string.Join('\n', lines[start..end]), excluded));
            }

            i = end;
        }

        return blocks;
    }

    internal static (List<string> Usings, string Body) SplitUsings(string code)
    {
        var lines = code.Split('\n');
        var usings = new List<string>();
        var index = 0;
        for (; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!UsingDirective().IsMatch(line))
            {
                break;
            }

            usings.Add(line);
        }

        return (usings, string.Join('\n', lines[index..]));
    }

    internal static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static string FirstLine(string code) =>
        code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(empty block)";

    [GeneratedRegex(@"^\s*(?<ticks>`{3,})(?<lang>[^`]*)$")]
    private static partial Regex FenceOpen();

    [GeneratedRegex(@"^\s*<!--\s*not-compiled:(?<reason>.*?)-->\s*$", RegexOptions.Multiline)]
    private static partial Regex MarkerLine();

    [GeneratedRegex(@"^using\s+(static\s+)?[A-Za-z_][\w.]*\s*;$")]
    private static partial Regex UsingDirective();

    internal sealed record DocBlock(string File, int Line, string Code, bool IsExcluded);
}
