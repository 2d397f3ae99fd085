using Koperasi.Testing;

namespace Koperasi.Transformation.Tests.Http;

/// <summary>Transformation's OpenAPI document passes the checks of every service's (<see cref="OpenApiDocumentContract"/>).</summary>
public class OpenApiDocumentTests(TransformationHost host) : OpenApiDocumentContract("transformation", host.CreateClient, host.Services), IClassFixture<TransformationHost>;
