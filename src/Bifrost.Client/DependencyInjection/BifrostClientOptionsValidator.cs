using Microsoft.Extensions.Options;

namespace Bifrost.Client.DependencyInjection;

/// <summary>Validates <see cref="BifrostClientOptions"/> for the options system (no reflection).</summary>
internal sealed class BifrostClientOptionsValidator : IValidateOptions<BifrostClientOptions>
{
    public ValidateOptionsResult Validate(string? name, BifrostClientOptions options)
    {
        var errors = options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
