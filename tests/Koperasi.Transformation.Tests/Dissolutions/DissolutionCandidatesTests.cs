using System.Net;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Replicas;
using Koperasi.Transformation.Cooperatives;
using Koperasi.Transformation.Tests.Domain;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static Koperasi.Transformation.Tests.Dissolutions.DissolutionApi;
using Registry = Koperasi.Contracts.Registry;

namespace Koperasi.Transformation.Tests.Dissolutions;

/// <summary>
/// The government path's worklist: per regency, the koperasi without a RAT for at least
/// Dissolution:NoRatYears (3) financial years up to the last closed one (2025, the clock being in
/// 2026), from the replica of the register; not dissolved and in no open case.
/// </summary>
public class DissolutionCandidatesTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    private const string Regency = "1504"; // only this class's koperasi are there
    private readonly HttpClient _client = host.CreateClient();

    private IDocumentStore Store => host.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task The_candidates_are_the_koperasi_of_the_regency_three_years_or_more_without_a_rat_and_in_no_case()
    {
        var neverHeld = await KnownAsync("Koperasi Tanpa RAT", Regency);           // legal entity 2010, no RAT: 15 years
        var lastIn2022 = await KnownAsync("Koperasi RAT 2022", Regency, 2022);     // 2023, 2024, 2025: 3 years
        var lastIn2023 = await KnownAsync("Koperasi RAT 2023", Regency, 2023);     // 2 years: not yet
        var inCase = await KnownAsync("Koperasi Dalam Kasus", Regency);
        var dissolved = await KnownAsync("Koperasi Bubar", Regency, dissolvedOn: new DateOnly(2024, 5, 1));
        await KnownAsync("Koperasi Kabupaten Lain", "1571");
        await ProposeAsync(_client, "government", Government(inCase));

        var answer = await GetAsync(_client, $"{CasesUrl}/candidates?regency=15.04");

        (Text(answer["regencyCode"]), answer["lastClosedYear"]!.GetValue<int>(), answer["noRatYears"]!.GetValue<int>()).ShouldBe((Regency, 2025, 3));
        var items = answer["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        items.Select(i => i["cooperativeId"]!.GetValue<Guid>()).ShouldBe([neverHeld, lastIn2022]);
        (items[0]["yearsWithoutRat"]!.GetValue<int>(), items[0]["latestRatYear"]) .ShouldBe((15, (JsonNode?)null));
        (items[1]["yearsWithoutRat"]!.GetValue<int>(), items[1]["latestRatYear"]!.GetValue<int>()).ShouldBe((3, 2022));
        items.Select(i => i["cooperativeId"]!.GetValue<Guid>()).ShouldNotContain(lastIn2023);
        items.Select(i => i["cooperativeId"]!.GetValue<Guid>()).ShouldNotContain(dissolved);
    }

    [Theory]
    [InlineData("", "regency")]
    [InlineData("?regency=", "regency")]
    [InlineData("?regency=9999", "regency")]
    public async Task A_missing_or_unknown_regency_answers_400_naming_it(string query, string field)
    {
        using var response = await _client.GetAsync($"{CasesUrl}/candidates{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.FieldsOf(await Api.ProblemAsync(response)).ShouldContain(field);
    }

    private async Task<Guid> KnownAsync(string name, string regency, int? ratYear = null, DateOnly? dissolvedOn = null)
    {
        var id = Guid.NewGuid();
        await using var session = Store.LightweightSession();
        await Replicas.ApplyAsync<KnownCooperative>(session, id, c =>
        {
            var known = c.With(Given.Registration(id, $"{name} {id:N}"[..40], regency));
            known = ratYear is { } year
                ? known.With(new Registry.RatReported(id, 2, DateTimeOffset.UnixEpoch, year, new DateOnly(year + 1, 3, 1), 80, 100, "offline", false, null, null, null))
                : known;
            return dissolvedOn is { } on ? known with { DissolvedOn = on, DissolutionReason = "government" } : known;
        }, CancellationToken.None);
        await session.SaveChangesAsync();
        return id;
    }
}
