using System.Text;
using Koperasi.Transformation.Dissolutions;
using static Koperasi.Transformation.Tests.Domain.Dissolutions.GivenDissolution;

namespace Koperasi.Transformation.Tests.Domain.Dissolutions;

public class BatchCsvTests
{
    private const string Header = "cooperative_id,answer,decree_number,decree_date,reason,documents";

    private static AnswersFile Read(string text) => BatchCsv.ReadAnswers(Encoding.UTF8.GetBytes(text));

    private static (DissolutionBatch Batch, Dictionary<Guid, DissolutionCase> Cases) AnnouncedBatch(params Cooperatives.KnownCooperative[] cooperatives)
    {
        var cases = cooperatives.Select(k => State(Announced(k))).ToDictionary(c => c.Id);
        var batch = new DissolutionBatch
        {
            Id = BatchId,
            Title = "Usulan pembubaran Oktober 2025",
            OpenedOn = new DateOnly(2025, 10, 2),
            Proposals = [.. cases.Values.Select(c => new BatchProposal(c.Id, c.CooperativeId, c.Cooperative.Name, c.RegencyCode, c.Version, SentOn))],
        };
        return (batch, cases);
    }

    [Fact]
    public void The_export_has_a_row_per_proposal_with_its_verification_and_opens_in_Excel_as_UTF8()
    {
        var known = Coop("Koperasi \"Sido Makmur\", Tebo", "1508");
        var (batch, cases) = AnnouncedBatch(known);

        var bytes = BatchCsv.Export(batch, cases);

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(string.Join(',', BatchCsv.Columns));
        lines[1].ShouldBe(
            $"{batch.Proposals[0].CaseId},{known.Id},\"Koperasi \"\"Sido Makmur\"\", Tebo\",1508,Tebo,no-rat: Laporan RAT register 2020–2025: tidak ada,140/27/PEM/2025,2025-06-18,Talang Bakung,2025-07-01,,,,,");
        lines.Length.ShouldBe(2);
    }

    [Fact]
    public void The_exported_file_filled_in_by_the_ministry_reads_back_as_answers()
    {
        var (a, b) = (Coop("Koperasi A"), Coop("Koperasi B"));
        var (batch, cases) = AnnouncedBatch(a, b);
        batch = batch with
        {
            SentOn = SentOn,
            Answers = new Dictionary<Guid, MinistryAnswer>
            {
                [a.Id] = Approval(a),
                [b.Id] = new(b.Id, MinistryAnswerKind.DocumentsNeeded, Documents: ["Akta pendirian asli", "Surat kehilangan dari kepolisian"]),
            },
        };

        var file = BatchCsv.ReadAnswers(BatchCsv.Export(batch, cases));

        file.Errors.ShouldBeEmpty();
        file.Answers.OrderBy(x => x.Kind).ShouldBe([Approval(a), batch.Answers[b.Id]], new AnswerComparer());
    }

    [Fact]
    public void Each_kind_of_answer_is_read_with_what_it_needs_and_a_row_without_an_answer_is_still_pending()
    {
        var (a, b, c, d, e) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var file = Read($"""
            {Header}
            {a},approved,012/KEP/M.KUKM.2/I/2026,15/01/2026,,
            {b},Rejected,,,Menerima bantuan pemerintah,
            {c},documents-needed,,,,Akta pendirian asli | Surat kehilangan
            {d},reverify,,,,
            {e},,,,,
            """);

        file.Errors.ShouldBeEmpty();
        file.Answers.ShouldBe(
        [
            new MinistryAnswer(a, MinistryAnswerKind.Approved, "012/KEP/M.KUKM.2/I/2026", new DateOnly(2026, 1, 15), null, []),
            new MinistryAnswer(b, MinistryAnswerKind.Rejected, null, null, "Menerima bantuan pemerintah", []),
            new MinistryAnswer(c, MinistryAnswerKind.DocumentsNeeded, null, null, null, ["Akta pendirian asli", "Surat kehilangan"]),
            new MinistryAnswer(d, MinistryAnswerKind.Reverify, null, null, null, []),
        ], new AnswerComparer());
    }

    [Fact]
    public void A_semicolon_separated_file_is_read_too()
    {
        var a = Guid.NewGuid();

        var file = Read($"cooperative_id;answer;reason\n{a};rejected;Alasan, dengan koma\n");

        file.Answers.Single().Reason.ShouldBe("Alasan, dengan koma");
    }

    [Fact]
    public void Row_errors_name_the_row_and_the_column_and_nothing_is_taken()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        var file = Read($"""
            {Header}
            {a},approved,,2026-01-15,,
            not-an-id,approved,1/KEP,2026-01-15,,
            {b},maybe,,,,
            {b},approved,1/KEP,15.01.2026,,
            {b},rejected,,,,
            """);

        file.Answers.ShouldBeEmpty();
        file.Errors.Select(e => (e.Row, e.Column)).ShouldBe(
        [
            (2, "decree_number"),
            (3, "cooperative_id"),
            (4, "answer"),
            (5, "decree_date"),
            (6, "reason"),
        ]);
        file.Errors[2].Reason.ShouldBe("One of: approved, rejected, documents-needed, reverify.");
    }

    [Fact]
    public void A_NIK_or_phone_number_in_an_answer_is_a_row_error_that_does_not_repeat_it()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        var file = Read($"{Header}\n{a},rejected,,,Ketua 1571024501900003 menolak,\n{b},documents-needed,,,,Surat dari 0812-7410-5566\n");

        file.Errors.Select(e => (e.Row, e.Column)).ShouldBe([(2, "reason"), (3, "documents")]);
        file.Errors[0].Reason.ShouldBe("The answer's reason holds what looks like a NIK; personal data is not recorded with an answer.");
        file.Errors.ShouldAllBe(e => !e.Reason.Contains("1571024501900003") && !e.Reason.Contains("7410"));
    }

    [Fact]
    public void A_koperasi_answered_twice_in_one_file_is_a_row_error()
    {
        var a = Guid.NewGuid();

        var file = Read($"{Header}\n{a},reverify,,,,\n\n{a},rejected,,,Alasan,\n");

        file.Errors.ShouldBe([new AnswerRowError(4, "cooperative_id", "The koperasi is answered in row 2 already; give one answer per koperasi.")]);
    }

    [Theory]
    [InlineData("cooperative_id,answer,colour\n", 1, "colour", "Unknown column.")]
    [InlineData("cooperative_id,reason\n", 1, "answer", "Required column missing from the header.")]
    [InlineData("cooperative_id,answer,answer\n", 1, "answer", "The column appears twice in the header.")]
    [InlineData("", 0, null, "The file is empty.")]
    [InlineData("cooperative_id,answer\n\"0199a3c4,approved\n", 2, null, "A quote is not balanced")]
    [InlineData("cooperative_id,answer\n0199a3c4-2f10-7c3a-8d55-6b1e2f3a4b5c,reverify,extra\n", 2, null, "Has 3 fields; the header has 2.")]
    public void A_malformed_file_is_refused_naming_where(string text, int row, string? column, string reason)
    {
        var error = Read(text).Errors.ShouldHaveSingleItem();

        (error.Row, error.Column).ShouldBe((row, column));
        error.Reason.ShouldStartWith(reason);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_text_is_refused()
    {
        var error = BatchCsv.ReadAnswers([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF]).Errors.ShouldHaveSingleItem();

        error.Reason.ShouldBe("The file is not UTF-8 text. Save it from Excel as \"CSV UTF-8\".");
    }

    /// <summary>Answers compare by value, their documents by content.</summary>
    private sealed class AnswerComparer : IEqualityComparer<MinistryAnswer>
    {
        public bool Equals(MinistryAnswer? x, MinistryAnswer? y) =>
            x is not null && y is not null && x with { Documents = null } == y with { Documents = null } && (x.Documents ?? []).SequenceEqual(y.Documents ?? []);

        public int GetHashCode(MinistryAnswer obj) => obj.CooperativeId.GetHashCode();
    }
}
