using System.Globalization;
using System.Text;

namespace Bifrost.Client.Sample;

/// <summary>
/// Readable console output: headings, aligned tables and check marks. It prints whatever text it is given, so callers
/// pass only what the SDK renders safely (<see cref="SecretValue.ToString"/> shows masks, references and placeholders).
/// </summary>
internal sealed class ConsoleReport(TextWriter output)
{
    private const int MaxCellWidth = 64;
    private int _step;

    /// <summary>How many checks failed so far.</summary>
    public int FailedChecks { get; private set; }

    /// <summary>Prints the title of the run.</summary>
    public void Title(string text)
    {
        output.WriteLine(text);
        output.WriteLine(new string('=', text.Length));
    }

    /// <summary>Prints a numbered step heading.</summary>
    public void Step(string text)
    {
        _step++;
        var heading = string.Create(CultureInfo.InvariantCulture, $"{_step}. {text}");
        output.WriteLine();
        output.WriteLine(heading);
        output.WriteLine(new string('-', heading.Length));
    }

    /// <summary>Prints a line of text.</summary>
    public void Line(string text = "") => output.WriteLine(text.Length == 0 ? text : "   " + text);

    /// <summary>Prints a passed check.</summary>
    public void Ok(string text) => output.WriteLine("   [ok] " + text);

    /// <summary>Prints a failed check and counts it.</summary>
    public void Fail(string text)
    {
        FailedChecks++;
        output.WriteLine("   [FAIL] " + text);
    }

    /// <summary>Prints a check: ok when <paramref name="passed"/>, otherwise a counted failure.</summary>
    public void Check(bool passed, string text)
    {
        if (passed)
        {
            Ok(text);
        }
        else
        {
            Fail(text);
        }
    }

    /// <summary>Prints a table with aligned columns; long cells are shortened.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var cells = rows.Select(r => r.Select(Shorten).ToArray()).ToList();
        if (cells.Count == 0)
        {
            Line("(none)");
            return;
        }

        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in cells)
        {
            for (var i = 0; i < widths.Length && i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        WriteRow(headers, widths);
        WriteRow(widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in cells)
        {
            WriteRow(row, widths);
        }
    }

    /// <summary>Shows a list compactly: <c>[a, b]</c>, or <c>(none)</c>.</summary>
    public static string List(IEnumerable<string>? items)
    {
        var list = items?.ToList();
        return list is null || list.Count == 0 ? "(none)" : "[" + string.Join(", ", list) + "]";
    }

    /// <summary>Shows a number with invariant formatting, or <c>(unset)</c>.</summary>
    public static string Number(double? value) =>
        value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "(unset)";

    private void WriteRow(IReadOnlyList<string> row, int[] widths)
    {
        var line = new StringBuilder("   ");
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < row.Count ? row[i] : string.Empty;
            line.Append(i == widths.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
        }

        output.WriteLine(line.ToString().TrimEnd());
    }

    private static string Shorten(string text) =>
        text.Length <= MaxCellWidth ? text : text[..(MaxCellWidth - 3)] + "...";
}
