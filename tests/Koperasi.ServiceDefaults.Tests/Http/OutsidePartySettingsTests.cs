using Koperasi.ServiceDefaults.Http;

namespace Koperasi.ServiceDefaults.Tests.Http;

public sealed class OutsidePartySettingsTests
{
    public sealed class Party : OutsidePartySettings
    {
        public int Extra { get; set; } = 1;

        protected override string SectionName => "Party";

        protected override string ExampleAddress => "http://127.0.0.1:1";

        protected override void CheckMore(List<string> problems)
        {
            if (Extra < 1)
            {
                problems.Add("Extra is at least 1");
            }
        }
    }

    private static Party Valid() => new() { BaseAddress = new Uri("http://127.0.0.1:5190") };

    [Fact]
    public void The_defaults_with_an_address_are_valid() => Should.NotThrow(Valid().Validate);

    public static TheoryData<string, Action<Party>, string> Invalid => new()
    {
        { "no address", p => p.BaseAddress = null, "BaseAddress is an absolute URL, e.g. http://127.0.0.1:1" },
        { "a relative address", p => p.BaseAddress = new Uri("/bank", UriKind.Relative), "BaseAddress is an absolute URL" },
        { "a total timeout shorter than one attempt", p => p.TotalTimeout = p.AttemptTimeout / 2, "TotalTimeout at least AttemptTimeout" },
        { "no attempt time", p => p.AttemptTimeout = TimeSpan.Zero, "AttemptTimeout is positive" },
        { "no retry", p => p.MaxRetryAttempts = 0, "MaxRetryAttempts is 1 to 20" },
        { "a negative delay", p => p.RetryDelay = TimeSpan.FromSeconds(-1), "RetryDelay not negative" },
        { "a ratio above one", p => p.FailureRatio = 1.5, "FailureRatio is in (0, 1]" },
        { "a sampling window shorter than two attempts", p => p.SamplingDuration = p.AttemptTimeout, "SamplingDuration at least twice AttemptTimeout" },
        { "a party's own setting", p => p.Extra = 0, "Extra is at least 1" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_setting_stops_the_service_naming_the_section_and_the_setting(string _, Action<Party> change, string message)
    {
        var settings = Valid();
        change(settings);

        var refused = Should.Throw<InvalidOperationException>(settings.Validate);

        refused.Message.ShouldStartWith("Party: ");
        refused.Message.ShouldContain(message);
    }
}
