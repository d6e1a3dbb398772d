using Microsoft.Extensions.Time.Testing;

namespace Bifrost.Client.Tests.Http;

/// <summary>Builds clients over an in-memory handler and drives fake time without sleeping.</summary>
public static class TestClients
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static BifrostClientOptions Options(FakeTimeProvider time, BifrostCredential? credential = null, Action<BifrostClientOptions>? configure = null)
    {
        var options = new BifrostClientOptions
        {
            BaseAddress = new Uri("https://bifrost.test/"),
            Credential = credential ?? BifrostCredential.BearerToken("mgmt-token-123"),
            RetryBaseDelay = TimeSpan.Zero,
            TimeProvider = time,
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>
    /// Advances fake time in small steps until the call completes. Each step yields briefly so continuations run;
    /// nothing here measures wall-clock time. Assertions on fake time therefore allow a step or two of slack above
    /// the expected wait (a timer may be registered a step late on a busy machine), never below it.
    /// </summary>
    public static async Task<T> DriveAsync<T>(Task<T> call, FakeTimeProvider time, TimeSpan? step = null, TimeSpan? limit = null)
    {
        var increment = step ?? TimeSpan.FromMilliseconds(100);
        var end = time.GetUtcNow() + (limit ?? TimeSpan.FromMinutes(10));
        while (!call.IsCompleted && time.GetUtcNow() < end)
        {
            await Task.WhenAny(call, Task.Delay(2));
            if (!call.IsCompleted)
            {
                time.Advance(increment);
            }
        }

        return await call;
    }

    public static async Task DriveAsync(Task call, FakeTimeProvider time, TimeSpan? step = null)
    {
        await DriveAsync(call.ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; }, TaskScheduler.Default), time, step);
    }
}
