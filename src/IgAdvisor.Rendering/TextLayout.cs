using System.Text;

namespace IgAdvisor.Rendering;

/// <summary>Terminal layout: words wrapped at a width with a hanging indent, ANSI styles only when asked.</summary>
public sealed class TextLayout(int width, bool colour)
{
    private readonly StringBuilder _out = new();

    public int Width { get; } = width;

    public string Style(string text, string code) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;

    public TextLayout Heading(string text, string style = "1")
    {
        _out.AppendLine(Style(text, style));
        return this;
    }

    public TextLayout Line(string text = "")
    {
        _out.AppendLine(text);
        return this;
    }

    /// <summary>Wraps <paramref name="text"/> after <paramref name="prefix"/>; continuation lines align under the text.</summary>
    public TextLayout Wrapped(string prefix, string text, int indent = 0)
    {
        var lead = new string(' ', indent) + prefix;
        var hanging = new string(' ', lead.Length);
        var line = new StringBuilder(lead);
        var lineLength = lead.Length;
        var first = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var visible = VisibleLength(word);
            if (!first && lineLength + 1 + visible > Width)
            {
                _out.AppendLine(line.ToString().TrimEnd());
                line.Clear().Append(hanging);
                lineLength = hanging.Length;
                first = true;
            }
            if (!first) { line.Append(' '); lineLength++; }
            line.Append(word);
            lineLength += visible;
            first = false;
        }
        _out.AppendLine(line.ToString().TrimEnd());
        return this;
    }

    private static int VisibleLength(string word)
    {
        var length = 0;
        var escape = false;
        foreach (var c in word)
        {
            if (c == '\u001b') { escape = true; continue; }
            if (escape) { if (c == 'm') escape = false; continue; }
            length++;
        }
        return length;
    }

    public override string ToString() => _out.ToString();
}
