using Koperasi.Funding.Applications;

namespace Koperasi.Funding.Tests.Domain;

/// <summary>One kecamatan, one name in the reports, however it was typed.</summary>
public class KecamatanNameTests
{
    [Theory]
    [InlineData("jambi  SELATAN", "Jambi Selatan")]
    [InlineData(" Jambi Selatan ", "Jambi Selatan")]
    [InlineData("bathin viii", "Bathin VIII")]
    [InlineData("VII Koto Ilir", "VII Koto Ilir")]
    [InlineData("Bathin II Babeko", "Bathin II Babeko")]
    [InlineData("muko-muko bathin vii", "Muko-Muko Bathin VII")]
    [InlineData("Limun", "Limun")]
    public void Case_and_spaces_are_tidied_and_roman_numerals_kept(string typed, string stored) =>
        SubmitApplication.KecamatanName(typed).ShouldBe(stored);
}
