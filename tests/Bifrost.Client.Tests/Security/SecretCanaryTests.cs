namespace Bifrost.Client.Tests.Security;

/// <summary>
/// Canary secrets (a distinct one for the bearer token, the Basic password, the virtual key and every secret field)
/// never appear in logs (Trace level), exception messages, ToString(), response bodies kept on exceptions, or the
/// ToString()/[DebuggerDisplay] of any public SDK object, on success and failure paths.
/// </summary>
public sealed class SecretCanaryTests
{
    [Fact]
    public async Task Every_operation_on_success_and_failure_paths_shows_no_canary()
    {
        using var rig = new CanaryRig();
        var scenarios = new CanaryScenarios(rig);

        await scenarios.RunAllAsync();

        Assert.True(scenarios.Failures >= 20, $"only {scenarios.Failures} failure scenarios ran");
        Assert.Contains(rig.Logs.Collector.GetSnapshot(), r => r.Category == "Bifrost.Client" && r.Level == Microsoft.Extensions.Logging.LogLevel.Debug);
        Assert.Contains(rig.Logs.Collector.GetSnapshot(), r => r.Category == "Bifrost.Client" && r.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        rig.AssertNoCanary();
    }

    [Fact]
    public async Task Every_public_type_of_the_sdk_is_shown_without_a_canary()
    {
        using var rig = new CanaryRig();
        await new CanaryScenarios(rig).RunAllAsync();

        // Types no operation returns: built with canaries in every secret field.
        SecretValue Secret(string role) => SecretValue.Literal(rig.Canary(role));
        rig.ShowObject("factory key", BifrostModelFactory.ProviderKey(
            id: "k", name: "n", value: BifrostModelFactory.ServerSecret(rig.Canary("server-secret")), models: ["*"],
            aliases: new Dictionary<string, ModelAlias>
            {
                ["plain"] = "deployment",
                ["object"] = new ModelAlias("model") { Region = Secret("alias-region"), ProjectId = Secret("alias-project"), Endpoint = Secret("alias-endpoint"), ProjectNumber = Secret("alias-number"), InferenceProfileArn = Secret("alias-arn") },
            },
            config: new BedrockKeyConfig
            {
                AccessKey = Secret("b-access"), SecretKey = Secret("b-secret"), Arn = Secret("b-arn"), SessionName = Secret("b-session"), ProjectId = Secret("b-project"), BatchRoleArn = Secret("b-batch-role"),
                BatchS3Config = new BedrockBatchS3Config { Buckets = [new BedrockBatchS3Bucket { BucketName = "bucket", Prefix = "p", IsDefault = true }] },
                Endpoints = new BedrockEndpoints { Runtime = Secret("e-runtime"), ControlPlane = Secret("e-control"), Mantle = Secret("e-mantle"), AgentRuntime = Secret("e-agent"), S3 = Secret("e-s3") },
            }));
        rig.ShowObject("mantle", new BedrockMantleKeyConfig { AccessKey = Secret("m-access"), SecretKey = Secret("m-secret"), SessionToken = Secret("m-token"), Region = Secret("m-region"), RoleArn = Secret("m-role"), ExternalId = Secret("m-external"), SessionName = Secret("m-session"), ProjectId = Secret("m-project") });
        rig.ShowObject("ollama", new OllamaKeyConfig { Url = Secret("ollama-url") });
        rig.ShowObject("sgl", new SglKeyConfig { Url = Secret("sgl-url") });
        rig.ShowObject("replicate", new ReplicateKeyConfig { UseDeploymentsEndpoint = true });
        rig.ShowObject("summary", BifrostModelFactory.KeySummary(keyId: "k", name: "n", provider: "openai", value: BifrostModelFactory.ServerSecret(rig.Canary("summary-secret"), "env.SUMMARY")));
        rig.ShowObject("list", BifrostModelFactory.ProviderKeyList([BifrostModelFactory.ProviderKey(id: "k2", value: Secret("list-secret"))]));
        rig.ShowObject("error", BifrostModelFactory.BifrostError(404, "Provider key not found: not found"));
        rig.ShowObject("update options", new UpdateKeyOptions { BaseProvider = "azure", VerifyUnchanged = false });
        rig.ShowObject("credential", BifrostCredential.FromTokenProvider(_ => ValueTask.FromResult(rig.Canary("provided-token"))));
        rig.ShowObject("credential", BifrostCredential.Basic("admin", rig.Canary("basic-only")));
        rig.ShowObject("credential", BifrostCredential.VirtualKey("sk-bf-" + rig.Canary("vk-only")));
        rig.ShowObject("timeout", new BifrostTimeoutException("GET /api/keys timed out", TimeSpan.FromSeconds(1)));

        Type[] exported = typeof(BifrostKeysClient).Assembly.GetExportedTypes();
        Assert.Contains(typeof(ProviderKey), exported);
        var uncovered = exported
            .Where(t => !t.IsInterface && !t.IsEnum && !(t.IsAbstract && t.IsSealed) && !typeof(Delegate).IsAssignableFrom(t))
            .Where(t => !rig.ObservedTypes.Any(t.IsAssignableFrom))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(uncovered.Count == 0, "public types never shown: " + string.Join(", ", uncovered));
        Assert.Contains(typeof(BifrostKeysClient), rig.ObservedTypes);
        rig.AssertNoCanary();
    }
}
