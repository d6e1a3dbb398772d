using System.Net;
using Bifrost.Client.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Bifrost.Client.Tests.Emulator;

/// <summary>Injected statuses, Retry-After, delays and dropped connections, through both front doors.</summary>
public sealed class FaultInjectionTests
{
    public static TheoryData<Door> Doors => new() { Door.InMemory, Door.Loopback };

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task Status_fault_answers_the_next_requests_then_stops(Door door)
    {
        await using var emulator = new BifrostEmulator();
        emulator.SeedKey("openai", EmulatorHttp.RawKey("k1", "k", "sk-one-0000000000"));
        using HttpClient http = await EmulatorHttp.OpenAsync(emulator, door);
        EmulatorFault fault = emulator.Faults.Add(EmulatorFault.Status(503, "maintenance").WithRetryAfter(TimeSpan.FromSeconds(2.5)).Times(2));

        Answer first = await http.GetJsonAsync("api/providers/openai/keys/k1");
        Answer second = await http.GetJsonAsync("api/providers/openai/keys/k1");
        Answer third = await http.GetJsonAsync("api/providers/openai/keys/k1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal("maintenance", first.ErrorMessage);
        Assert.Equal(TimeSpan.FromSeconds(3), first.Response.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(2, fault.AppliedCount);
        Assert.Equal(0, fault.Remaining);
        Assert.Equal(2, emulator.Faults.AppliedCount);
        Assert.Empty(emulator.Faults.Pending);
    }

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task Retry_after_can_be_an_http_date(Door door)
    {
        await using var emulator = new BifrostEmulator();
        using HttpClient http = await EmulatorHttp.OpenAsync(emulator, door);
        var date = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        emulator.Faults.Add(EmulatorFault.Status(429).WithRetryAfter(date));

        Answer answer = await http.GetJsonAsync("api/keys");

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Equal(date, answer.Response.Headers.RetryAfter!.Date);
    }

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task Faults_can_target_a_method_and_path(Door door)
    {
        await using var emulator = new BifrostEmulator();
        emulator.SeedKey("openai", EmulatorHttp.RawKey("k1", "k", "sk-one-0000000000"));
        using HttpClient http = await EmulatorHttp.OpenAsync(emulator, door);
        emulator.Faults.Add(EmulatorFault.Status(502).When("PUT", "/api/providers/openai/keys/"));

        Answer get = await http.GetJsonAsync("api/providers/openai/keys/k1");
        Answer put = await http.PutJsonAsync("api/providers/openai/keys/k1", get.Json!);
        Answer retry = await http.PutJsonAsync("api/providers/openai/keys/k1", get.Json!);

        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal(HttpStatusCode.BadGateway, put.Status);
        Assert.Equal(HttpStatusCode.OK, retry.Status);
    }

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task Raw_response_fault_sends_a_non_json_body(Door door)
    {
        await using var emulator = new BifrostEmulator();
        using HttpClient http = await EmulatorHttp.OpenAsync(emulator, door);
        emulator.Faults.Add(EmulatorFault.RawResponse(502, "<html>Bad Gateway</html>", "text/html"));

        Answer answer = await http.GetJsonAsync("api/keys");

        Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
        Assert.Equal("<html>Bad Gateway</html>", answer.Text);
        Assert.Equal("text/html", answer.Response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task Dropped_connection_surfaces_as_HttpRequestException(Door door)
    {
        await using var emulator = new BifrostEmulator();
        using HttpClient http = await EmulatorHttp.OpenAsync(emulator, door);
        emulator.Faults.Add(EmulatorFault.DropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetJsonAsync("api/keys"));
        Answer next = await http.GetJsonAsync("api/keys");

        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Null(emulator.Journal.Entries[0].StatusCode);
        Assert.Equal(EmulatorFaultAction.DropConnection, emulator.Journal.Entries[0].Fault!.Action);
    }

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task Delay_holds_the_answer_until_the_time_provider_moves(Door door)
    {
        var time = new FakeTimeProvider();
        await using var emulator = new BifrostEmulator(o => o.TimeProvider = time);
        using HttpClient http = await EmulatorHttp.OpenAsync(emulator, door);
        EmulatorFault fault = emulator.Faults.Add(EmulatorFault.Delayed(TimeSpan.FromSeconds(30)));

        Task<Answer> pending = http.GetJsonAsync("api/keys");
        await WaitUntilAsync(() => fault.AppliedCount == 1);
        bool completedBeforeAdvance = pending.IsCompleted;
        for (int i = 0; i < 200 && !pending.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(pending, Task.Delay(20));
        }

        Answer answer = await pending;
        Assert.False(completedBeforeAdvance);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task Delay_honours_the_callers_cancellation(Door door)
    {
        var time = new FakeTimeProvider();
        await using var emulator = new BifrostEmulator(o => o.TimeProvider = time);
        using HttpClient http = await EmulatorHttp.OpenAsync(emulator, door);
        EmulatorFault fault = emulator.Faults.Add(EmulatorFault.Status(504).WithDelay(TimeSpan.FromMinutes(5)));
        using var cancellation = new CancellationTokenSource();

        Task<Answer> pending = http.GetJsonAsync("api/keys", cancellation.Token);
        await WaitUntilAsync(() => fault.AppliedCount == 1);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public void Fault_arguments_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Status(99));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Status(500).Times(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Delayed(TimeSpan.FromSeconds(-1)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the emulator never received the request");
    }
}
