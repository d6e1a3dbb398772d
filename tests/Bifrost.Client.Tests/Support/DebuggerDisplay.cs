using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Bifrost.Client.Tests.Support;

/// <summary>Evaluates a type's [DebuggerDisplay] expression the way a debugger would, for the simple forms we use.</summary>
public static partial class DebuggerDisplay
{
    /// <summary>The rendered display, or null when the type has no [DebuggerDisplay].</summary>
    public static string? Evaluate(object instance)
    {
        var attribute = instance.GetType().GetCustomAttribute<DebuggerDisplayAttribute>(inherit: true);
        if (attribute is null)
        {
            return null;
        }

        var result = new StringBuilder();
        var last = 0;
        foreach (Match m in Placeholder().Matches(attribute.Value))
        {
            result.Append(attribute.Value, last, m.Index - last);
            result.Append(EvaluateExpression(instance, m.Groups["expr"].Value.Trim()));
            last = m.Index + m.Length;
        }

        result.Append(attribute.Value, last, attribute.Value.Length - last);
        return result.ToString();
    }

    private static string EvaluateExpression(object instance, string expression)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var type = instance.GetType();
        object? value;
        if (expression.EndsWith("()", StringComparison.Ordinal))
        {
            var method = type.GetMethod(expression[..^2], flags, Type.EmptyTypes)
                ?? throw new InvalidOperationException($"{type.Name}: no method {expression}");
            value = method.Invoke(instance, null);
        }
        else
        {
            var member = (MemberInfo?)type.GetProperty(expression, flags) ?? type.GetField(expression, flags)
                ?? throw new InvalidOperationException($"{type.Name}: no member {expression}");
            value = member is PropertyInfo p ? p.GetValue(instance) : ((FieldInfo)member).GetValue(instance);
        }

        return value?.ToString() ?? "null";
    }

    [GeneratedRegex(@"\{(?<expr>[^{},]+)(,[^{}]*)?\}")]
    private static partial Regex Placeholder();
}
