using Bifrost.Client.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Bifrost.Client.Tests.Reliability;

/// <summary>
/// The primary handler of a soak client (it runs once per attempt, inside the SDK's retry loop). For each attempt it
/// draws a fault from a seeded <see cref="Random"/>, queues the matching <see cref="EmulatorFault"/> for exactly that
/// request, and forwards to the emulator (in memory or over loopback). A slow answer is ended by advancing the
/// client's fake clock past the attempt timeout once the emulator holds the request; a lost answer is produced here,
/// after the emulator has processed the request.
/// </summary>
public sealed class FaultInjectingHandler : DelegatingHandler
{
    private static readonly DateTimeOffset PastDate = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly BifrostEmulator _emulator;
    private readonly Random _random;
    private readonly FakeTimeProvider _clientTime;
    private readonly TimeSpan _attemptTimeout;
    private readonly double _faultRate;
    private readonly SoakFigures _figures;

    public FaultInjectingHandler(HttpMessageHandler inner, BifrostEmulator emulator, Random random, FakeTimeProvider clientTime, TimeSpan attemptTimeout, double faultRate, SoakFigures figures)
        : base(inner)
    {
        _emulator = emulator;
        _random = random;
        _clientTime = clientTime;
        _attemptTimeout = attemptTimeout;
        _faultRate = faultRate;
        _figures = figures;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _figures.Attempts++;
        SoakFault fault = Draw();
        if (fault != SoakFault.None)
        {
            _figures.Injected(fault);
        }

        EmulatorFault? queued = fault switch
        {
            SoakFault.Unavailable503 => EmulatorFault.Status(503),
            SoakFault.TooManyRequestsDelta => EmulatorFault.Status(429).WithRetryAfter(TimeSpan.Zero),
            SoakFault.TooManyRequestsDate => EmulatorFault.Status(429).WithRetryAfter(PastDate),
            SoakFault.TooManyRequestsTooLong => EmulatorFault.Status(429).WithRetryAfter(TimeSpan.FromHours(1)),
            SoakFault.Slow => EmulatorFault.Delayed(TimeSpan.FromMinutes(10)),
            SoakFault.DropBeforeProcessing => EmulatorFault.DropConnection(),
            _ => null,
        };
        if (queued is not null)
        {
            _emulator.Faults.Add(queued);
        }

        Task<HttpResponseMessage> send = base.SendAsync(request, cancellationToken);
        if (fault == SoakFault.Slow)
        {
            // Wait (bounded) until the emulator holds the request, then let the client's attempt timeout elapse.
            for (int i = 0; i < 10_000 && queued!.AppliedCount == 0 && !send.IsCompleted; i++)
            {
                await Task.Delay(1, CancellationToken.None);
            }

            Assert.True(queued!.AppliedCount == 1, "the slow fault never reached the emulator");
            _clientTime.Advance(_attemptTimeout + TimeSpan.FromMilliseconds(1));
        }

        HttpResponseMessage response = await send;
        if (fault == SoakFault.LostAfterProcessing)
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The answer was lost after the server processed the request (injected).");
        }

        return response;
    }

    private SoakFault Draw()
    {
        double r = _random.NextDouble();
        if (r >= _faultRate)
        {
            return SoakFault.None;
        }

        // Shares of the fault budget.
        double x = r / _faultRate;
        return x switch
        {
            < 0.25 => SoakFault.Unavailable503,
            < 0.38 => SoakFault.TooManyRequestsDelta,
            < 0.50 => SoakFault.TooManyRequestsDate,
            < 0.54 => SoakFault.TooManyRequestsTooLong,
            < 0.68 => SoakFault.Slow,
            < 0.84 => SoakFault.DropBeforeProcessing,
            _ => SoakFault.LostAfterProcessing,
        };
    }
}
