namespace Bifrost.Client;

/// <summary>The shape in which a server writes secrets in its responses (CONTRACT §3.2).</summary>
public enum SecretWireEra
{
    /// <summary>Newer servers: <c>{"value":"&lt;mask&gt;","ref":"env.X","type":"env"}</c>, with <c>ref</c> and <c>type</c> omitted when empty.</summary>
    SecretVar = 0,

    /// <summary>Older servers (v1.5.x): <c>{"value":"&lt;mask&gt;","env_var":"env.X","from_env":true}</c>, all three always present.</summary>
    EnvVar = 1,
}
