namespace Bifrost.Client.Sample;

/// <summary>The command line or a <c>BIFROST_*</c> variable is invalid. The message is safe to print.</summary>
internal sealed class SampleUsageException(string message) : Exception(message);
