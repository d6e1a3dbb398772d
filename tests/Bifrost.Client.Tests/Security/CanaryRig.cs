using System.Collections;
using System.Reflection;
using System.Text.Json;
using Bifrost.Client.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Bifrost.Client.Tests.Security;

/// <summary>
/// Canary secrets, one per secret (the bearer token, the Basic password, the virtual key, each secret field), and
/// everything the SDK showed while they were in use: log records at Trace level, exceptions (message, ToString,
/// response body, server message, inner exceptions), and the ToString/[DebuggerDisplay] of every SDK object reached
/// from what the operations returned. <see cref="AssertNoCanary"/> then searches all of it.
/// </summary>
public sealed class CanaryRig : IDisposable
{
    private static readonly Assembly Sdk = typeof(BifrostKeysClient).Assembly;

    private readonly List<(string Where, string Text)> _shown = [];
    private readonly HashSet<object> _visited = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> _canaries = new(StringComparer.Ordinal);

    public CanaryRig()
    {
        Logs = new FakeLoggerProvider();
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }

    public FakeLoggerProvider Logs { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>SDK types of which at least one instance was shown.</summary>
    public HashSet<Type> ObservedTypes { get; } = [];

    public IReadOnlyDictionary<string, string> Canaries => _canaries;

    /// <summary>A new canary for <paramref name="role"/>: lower case, so it is also a valid region name.</summary>
    public string Canary(string role)
    {
        string text = "canary-" + role.Replace('_', '-') + "-" + Guid.NewGuid().ToString("N");
        _canaries.Add(role, text);
        return text;
    }

    public void Shown(string where, string? text)
    {
        if (text is not null)
        {
            _shown.Add((where, text));
        }
    }

    /// <summary>Records an exception: its message, ToString, API fields and inner exceptions.</summary>
    public void ShowException(string where, Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            Shown(where + " message", e.Message);
            Shown(where + " ToString", e.ToString());
            foreach (DictionaryEntry entry in e.Data)
            {
                Shown(where + " Data", entry.Key + "=" + entry.Value);
            }

            if (e is BifrostApiException api)
            {
                Shown(where + " ResponseBody", api.ResponseBody);
                Shown(where + " ServerMessage", api.ServerMessage);
            }

            ShowObject(where, e);
        }
    }

    /// <summary>
    /// Records the ToString and debugger display of an SDK object, then walks its public properties (and the elements
    /// of collections) to every SDK object and string reachable. Raw <see cref="JsonElement"/> containers
    /// (<c>AdditionalProperties</c>) hold members the SDK does not model and are not walked.
    /// </summary>
    public void ShowObject(string where, object? value, int depth = 0)
    {
        if (value is null || depth > 8 || value is JsonElement || value.GetType().IsPrimitive || value is Type || value is Delegate)
        {
            return;
        }

        if (value is string s)
        {
            Shown(where, s);
            return;
        }

        if (!value.GetType().IsValueType && !_visited.Add(value))
        {
            return;
        }

        Type type = value.GetType();
        if (value is IEnumerable sequence && type.Assembly != Sdk)
        {
            foreach (object? item in sequence)
            {
                ShowObject(where + "[]", item is DictionaryEntry d ? d.Value : item, depth + 1);
            }

            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            ShowObject(where + ".Key", type.GetProperty("Key")!.GetValue(value), depth + 1);
            ShowObject(where + ".Value", type.GetProperty("Value")!.GetValue(value), depth + 1);
            return;
        }

        if (type.Assembly != Sdk && value is not Exception)
        {
            return;
        }

        if (type.Assembly == Sdk)
        {
            ObservedTypes.Add(type);
        }

        Shown(where + " ToString " + type.Name, value.ToString());
        Shown(where + " DebuggerDisplay " + type.Name, DebuggerDisplay.Evaluate(value));
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.DeclaringType == typeof(System.Exception) && property.Name is "TargetSite" or "StackTrace")
            {
                continue;
            }

            object? child;
            try
            {
                child = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue;
            }

            ShowObject(where + "." + property.Name, child, depth + 1);
        }
    }

    /// <summary>Collects the log records, then asserts that no canary occurs anywhere (case-insensitive).</summary>
    public void AssertNoCanary()
    {
        foreach (var record in Logs.Collector.GetSnapshot())
        {
            Shown("log " + record.Category, record.Message);
            Shown("log state", string.Join(" ", record.StructuredState?.Select(p => p.Key + "=" + p.Value) ?? []));
            if (record.Exception is not null)
            {
                ShowException("log exception", record.Exception);
            }
        }

        var leaks = (from shown in _shown
                     from canary in _canaries
                     where shown.Text.Contains(canary.Value, StringComparison.OrdinalIgnoreCase)
                     select $"{canary.Key} canary in {shown.Where}").Distinct().ToList();
        Assert.True(leaks.Count == 0, "secrets shown:\n" + string.Join("\n", leaks));
    }

    public int ShownCount => _shown.Count;

    public void Dispose()
    {
        LoggerFactory.Dispose();
        Logs.Dispose();
    }
}
