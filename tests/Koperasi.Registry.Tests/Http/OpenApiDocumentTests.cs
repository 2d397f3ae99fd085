using Koperasi.Testing;

namespace Koperasi.Registry.Tests.Http;

/// <summary>The Registry's OpenAPI document passes the checks of every service's (<see cref="OpenApiDocumentContract"/>).</summary>
public class OpenApiDocumentTests(RegistryHost host) : OpenApiDocumentContract("registry", host.CreateClient, host.Services), IClassFixture<RegistryHost>;
