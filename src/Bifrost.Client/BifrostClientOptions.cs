namespace Bifrost.Client;

/// <summary>
/// Settings of a <see cref="BifrostKeysClient"/>: where the server is, how to authenticate, and how to retry and time out.
/// Defaults are listed on each property and in <c>docs/resilience.md</c>.
/// </summary>
/// <remarks>
/// The credential is read before every attempt, so assigning a new <see cref="Credential"/> (or reloading the options
/// through <c>IOptionsMonitor</c>) takes effect on the next request. Retry and timeout settings are read when the
/// resilience pipeline is built: once per options instance.
/// </remarks>
public sealed class BifrostClientOptions
{
    /// <summary>The default number of retries after the first attempt: 3.</summary>
    public const int DefaultMaxRetries = 3;

    /// <summary>The server root, for example <c>https://bifrost.example.com/</c>. Required.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The credential; default <see cref="BifrostCredential.None"/>.</summary>
    public BifrostCredential Credential { get; set; } = BifrostCredential.None;

    /// <summary>
    /// Allows sending a credential over plain <c>http://</c> to a host other than loopback. Default <see langword="false"/>:
    /// such requests are refused, because the credential would travel in clear text.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>How many times a transient failure is retried after the first attempt; 0 disables retries. Default 3, at most 10.</summary>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>The base of the exponential backoff (with jitter) between retries. Default 1 second; zero retries at once.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed backoff between two attempts. Default 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for. A response asking for a longer wait is not retried and
    /// surfaces as an error. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The timeout of one attempt; an attempt that times out counts as transient and is retried. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout of a whole call, all attempts and delays included. Default 2 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The clock for delays and timeouts; default <see cref="System.TimeProvider.System"/>. Tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the settings and throws on the first problem.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message says which.</exception>
    public void Validate()
    {
        var errors = GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid BifrostClientOptions: " + string.Join(" ", errors));
        }
    }

    /// <summary>Every problem with the settings; empty when they are valid.</summary>
    internal List<string> GetValidationErrors()
    {
        var errors = new List<string>();
        if (BaseAddress is null)
        {
            errors.Add("BaseAddress is required.");
        }
        else if (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add("BaseAddress must be an absolute http:// or https:// URI.");
        }
        else if (!string.IsNullOrEmpty(BaseAddress.Query) || !string.IsNullOrEmpty(BaseAddress.Fragment) || !string.IsNullOrEmpty(BaseAddress.UserInfo))
        {
            errors.Add("BaseAddress must not carry a query, fragment or user info.");
        }
        else if (Credential is not null && InsecureTransport.IsRefused(BaseAddress, Credential, AllowInsecureHttp))
        {
            errors.Add(InsecureTransport.Message(BaseAddress));
        }

        if (Credential is null)
        {
            errors.Add("Credential must not be null; use BifrostCredential.None.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            errors.Add("MaxRetries must be between 0 and 10.");
        }

        CheckRange(errors, nameof(RetryBaseDelay), RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        CheckRange(errors, nameof(MaxRetryDelay), MaxRetryDelay, TimeSpan.Zero, TimeSpan.FromHours(1));
        CheckRange(errors, nameof(MaxRetryAfter), MaxRetryAfter, TimeSpan.Zero, TimeSpan.FromHours(1));
        CheckRange(errors, nameof(AttemptTimeout), AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        CheckRange(errors, nameof(Timeout), Timeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(24));
        if (TimeProvider is null)
        {
            errors.Add("TimeProvider must not be null.");
        }

        return errors;
    }

    private static void CheckRange(List<string> errors, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{name} must be between {min} and {max}.");
        }
    }
}
