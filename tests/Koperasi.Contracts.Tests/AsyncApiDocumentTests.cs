using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koperasi.ServiceDefaults.Messaging;
using Koperasi.Testing;
using MassTransit;
using MassTransit.Serialization;

namespace Koperasi.Contracts.Tests;

/// <summary>
/// The AsyncAPI documents are generated from the contract types: every contract is in its
/// publisher's document, the committed copies in docs/asyncapi are the generated ones, the real
/// AsyncAPI parser reads them without errors, and every contract's sample conforms to its schema.
/// </summary>
public class AsyncApiDocumentTests
{
    private const string WriteCommand = "dotnet run --project tools/Koperasi.AsyncApi";

    public static TheoryData<string> Publishers => [.. AsyncApiDocument.Publishers];

    [Fact]
    public void Every_contract_type_is_a_message_of_its_publishers_document()
    {
        var contracts = ContractSnapshotTests.ContractTypes.ToList();
        contracts.ShouldNotBeEmpty();
        foreach (var contract in contracts)
        {
            var urn = contract.GetCustomAttribute<MessageUrnAttribute>()!.Urn.ToString();
            var service = urn.Split(':')[3];
            var document = AsyncApiDocument.For(service).ShouldNotBeNull(urn);
            var name = AsyncApiDocument.MessageName(contract);
            document["channels"]![name]!["address"]!.GetValue<string>().ShouldBe(urn["urn:message:".Length..], urn);
            document["components"]!["messages"]![name]!["bindings"]!["amqp"]!["messageType"]!.GetValue<string>().ShouldBe(urn);
            document["components"]!["schemas"]![contract.Name].ShouldNotBeNull(urn);
            document["operations"]![$"receive-{name}"].ShouldNotBeNull(urn);
        }

        AsyncApiDocument.Publishers.Sum(service => AsyncApiDocument.ContractsOf(service).Count).ShouldBe(contracts.Count);
    }

    [Theory]
    [MemberData(nameof(Publishers))]
    public void The_committed_document_is_the_generated_one(string service)
    {
        var file = Path.Combine(SourceTree.Root, "docs", "asyncapi", $"{service}.json");
        File.Exists(file).ShouldBeTrue($"docs/asyncapi/{service}.json is missing: run {WriteCommand}");
        File.ReadAllText(file).ReplaceLineEndings("\n")
            .ShouldBe(AsyncApiDocument.Serialize(AsyncApiDocument.For(service)!), $"docs/asyncapi/{service}.json is stale: run {WriteCommand}");
    }

    [Fact]
    public void Every_committed_document_belongs_to_a_publisher() =>
        Directory.GetFiles(Path.Combine(SourceTree.Root, "docs", "asyncapi"), "*.json").Select(Path.GetFileNameWithoutExtension)
            .Where(name => !AsyncApiDocument.Publishers.Contains(name!)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Publishers))]
    public void The_document_documents_the_position_headers(string service)
    {
        var headers = AsyncApiDocument.For(service)!["components"]!["schemas"]!["Headers"]!;
        foreach (var header in new[] { "koperasi-sequence", "koperasi-recorded-at", "koperasi-source-stream", "koperasi-source-version", "koperasi-actor" })
        {
            headers["properties"]![header]!["description"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace(header);
        }

        headers["required"]!.AsArray().Select(h => h!.GetValue<string>()).ShouldContain("koperasi-sequence");
        headers["required"]!.AsArray().Select(h => h!.GetValue<string>()).ShouldContain("koperasi-recorded-at");
    }

    [Theory]
    [MemberData(nameof(ContractSnapshotTests.ContractNames), MemberType = typeof(ContractSnapshotTests))]
    public void The_sample_of_every_contract_conforms_to_its_schema_as_the_bus_writes_it(string name)
    {
        var type = ContractSnapshotTests.ContractTypes.Single(t => t.FullName == name);
        PublishedContracts.Check(type, Envelope(type, ContractSamples.All[type]), Headers()).ShouldBeEmpty();
    }

    [Fact]
    public void A_message_that_breaks_its_schema_or_lacks_its_position_is_refused()
    {
        var type = typeof(Registry.RatReported);
        var envelope = JsonNode.Parse(Envelope(type, ContractSamples.All[type]))!;
        envelope["message"]!["financialYear"] = "2024";
        envelope["message"]!.AsObject().Remove("cooperativeId");
        var problems = PublishedContracts.Check(type, envelope.ToJsonString(), Headers());
        problems.ShouldContain(p => p.Contains("financialYear", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("cooperativeId", StringComparison.Ordinal));

        var withoutPosition = Headers().Where(h => h.Key != "koperasi-sequence");
        PublishedContracts.Check(type, Envelope(type, ContractSamples.All[type]), withoutPosition).ShouldContain(p => p.Contains("koperasi-sequence", StringComparison.Ordinal));

        var otherContract = Envelope(typeof(Registry.CooperativeRegistered), ContractSamples.All[typeof(Registry.CooperativeRegistered)]);
        PublishedContracts.Check(type, otherContract, Headers()).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_AsyncAPI_parser_reads_every_document_without_errors()
    {
        var modules = Path.Combine(SourceTree.Root, ".local", "tools", "node_modules");
        var installed = File.Exists(Path.Combine(modules, "@asyncapi", "parser", "package.json"));
        Assert.SkipWhen(!installed && !OpenApiLint.Required, "@asyncapi/parser is not installed (test.sh installs it into .local/tools).");
        installed.ShouldBeTrue("@asyncapi/parser must be installed under CI: test.sh installs it into .local/tools");

        var folder = Directory.CreateTempSubdirectory("koperasi-asyncapi-");
        try
        {
            var files = new List<string>();
            foreach (var service in AsyncApiDocument.Publishers)
            {
                var file = Path.Combine(folder.FullName, $"{service}.json");
                await File.WriteAllTextAsync(file, AsyncApiDocument.Serialize(AsyncApiDocument.For(service)!));
                files.Add(file);
            }

            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "asyncapi-parse.cjs"));
            start.ArgumentList.Add(modules);
            files.ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            process.ExitCode.ShouldBe(0, await errors);

            var reports = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
            reports.Count.ShouldBe(files.Count);
            foreach (var report in reports)
            {
                var service = Path.GetFileNameWithoutExtension(report["file"]!.GetValue<string>());
                report["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBeEmpty(service);
                report["channels"]!.GetValue<int>().ShouldBe(AsyncApiDocument.ContractsOf(service).Count, service);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Envelope(Type type, object message) => new JsonObject
    {
        ["messageId"] = "0199a3c4-0000-7000-8000-000000000001",
        ["conversationId"] = "0199a3c4-0000-7000-8000-000000000002",
        ["sourceAddress"] = "rabbitmq://localhost/koperasi/registry-bus",
        ["destinationAddress"] = $"rabbitmq://localhost/koperasi/{AsyncApiDocument.Exchange(type)}",
        ["messageType"] = new JsonArray(type.GetCustomAttribute<MessageUrnAttribute>()!.Urn.ToString()),
        ["message"] = JsonSerializer.SerializeToNode(message, type, SystemTextJsonMessageSerializer.Options),
        ["sentTime"] = "2026-11-22T03:15:00.1234567Z",
        ["headers"] = new JsonObject(),
        ["host"] = new JsonObject { ["machineName"] = "registry-1" },
    }.ToJsonString();

    private static IEnumerable<KeyValuePair<string, object?>> Headers() =>
    [
        new("koperasi-sequence", 4521L),
        new("koperasi-recorded-at", "2026-11-22T03:15:00.0000000Z"),
        new("koperasi-source-stream", "0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c"),
        new("koperasi-source-version", 3L),
        new("koperasi-actor", "pembina.merangin"),
    ];
}
