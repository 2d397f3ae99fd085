using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koperasi.Transformation.Tests.Http;

/// <summary>Two proposals naming one koperasi at the same moment: exactly one opens a case, the other answers 409.</summary>
public class DoubleClaimTests(TransformationHost host) : IClassFixture<TransformationHost>
{
    [Fact]
    public async Task Of_two_proposals_claiming_one_koperasi_at_once_exactly_one_succeeds()
    {
        for (var round = 0; round < 8; round++)
        {
            var contested = await RegistryFacts.RegisterAsync(host, $"Koperasi Rebutan {round}");
            var first = await RegistryFacts.RegisterAsync(host);
            var second = await RegistryFacts.RegisterAsync(host);
            using var clientA = host.CreateClient();
            using var clientB = host.CreateClient();
            using var start = new Barrier(2);

            var answers = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return clientA.PostAsJsonAsync($"{Api.Cases}/mergers", Api.Merger(first, contested)); }),
                Task.Run(() => { start.SignalAndWait(); return clientB.PostAsJsonAsync($"{Api.Cases}/amalgamations", Api.Amalgamation([second, contested])); }));

            answers.Select(a => (int)a.StatusCode).Order().ToArray().ShouldBe([201, 409], $"round {round}");
            var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
            Api.Text((await Api.ProblemAsync(loser))["rule"]).ShouldBe("cooperative-in-open-case");
            var winner = (await answers.Single(a => a.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<JsonObject>())!;
            var standing = await Api.GetAsync(clientA, $"/api/transformation/cooperatives/{contested}");
            Api.Text(standing["caseId"]).ShouldBe(Api.Text(winner["id"]));
            var loserOwn = answers[0] == loser ? first : second;
            (await Api.GetAsync(clientA, $"/api/transformation/cooperatives/{loserOwn}"))["mayTakePart"]!.GetValue<bool>().ShouldBeTrue();
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
    }
}
