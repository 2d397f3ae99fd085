using Koperasi.Testing;

namespace Koperasi.Funding.Tests.Http;

/// <summary>Funding's OpenAPI document passes the checks of every service's (<see cref="OpenApiDocumentContract"/>).</summary>
public class OpenApiDocumentTests(FundingHost host) : OpenApiDocumentContract("funding", host.CreateClient, host.Services), IClassFixture<FundingHost>;
