namespace Bifrost.Client.Testing;

/// <summary>
/// The shape in which the emulated server writes secret-bearing values (CONTRACT §3.2).
/// </summary>
public enum EmulatorWireEra
{
    /// <summary><c>{"value":"&lt;mask&gt;","ref":"env.X","type":"env"}</c>: servers after mid-2026.</summary>
    SecretVar,

    /// <summary><c>{"value":"&lt;mask&gt;","env_var":"env.X","from_env":true}</c>: v1.5.x servers.</summary>
    EnvVar,
}
