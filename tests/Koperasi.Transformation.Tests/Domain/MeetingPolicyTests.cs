using Koperasi.Transformation.Cases;

namespace Koperasi.Transformation.Tests.Domain;

public class MeetingPolicyTests
{
    [Theory]
    [InlineData("3/4", 3, 4)]
    [InlineData(" 2 / 3 ", 2, 3)]
    public void A_fraction_is_written_as_configuration_says_it(string text, int numerator, int denominator)
    {
        Fraction.TryParse(text, out var fraction).ShouldBeTrue();
        fraction.ShouldBe(new Fraction(numerator, denominator));
        fraction.ToString().ShouldBe($"{numerator}/{denominator}");
    }

    [Theory]
    [InlineData("0.75")]
    [InlineData("3/0")]
    [InlineData("-1/2")]
    [InlineData("tiga perempat")]
    public void Anything_else_is_not_a_fraction(string text) => Fraction.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(0, 4)]
    [InlineData(5, 4)]
    public void A_threshold_is_above_nothing_and_at_most_everyone(int numerator, int denominator) =>
        Should.Throw<InvalidOperationException>(() => new MeetingPolicy { Quorum = new Fraction(numerator, denominator) }.Validate())
            .Message.ShouldContain("Meetings:Quorum");

    [Fact]
    public void The_defaults_are_three_quarters_present_and_two_thirds_for()
    {
        var policy = new MeetingPolicy();
        (policy.Quorum, policy.Majority).ShouldBe((new Fraction(3, 4), new Fraction(2, 3)));
    }
}
