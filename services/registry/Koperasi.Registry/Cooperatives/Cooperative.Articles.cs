using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Cooperatives;

// The articles of association (anggaran dasar): the founding version, and each applied amendment.
public sealed partial record Cooperative
{
    /// <summary>
    /// Every version of the articles, oldest first. A snapshot stored before versions were kept has
    /// none recorded; nothing can have amended it, so its founding articles are what it holds now.
    /// </summary>
    public IReadOnlyList<ArticlesVersion> ArticlesVersions() => Articles.Count > 0 ? Articles : [FoundingArticles()];

    /// <summary>
    /// Applies an approved amendment as the next version of the articles, from its effective date.
    /// Unlike a notified change of details, it may move the domicile to another regency.
    /// </summary>
    public Decision AmendArticles(AmendArticles command, DateOnly today)
    {
        var versions = ArticlesVersions();
        if (versions.Any(version => version.CaseId == command.CaseId))
        {
            return Decision.Accept();
        }

        if ((CheckExisting() ?? CheckEffectiveOn(command.EffectiveOn, today)) is { } broken)
        {
            return broken;
        }

        var current = versions[^1];
        if (command.EffectiveOn < current.EffectiveOn)
        {
            return DomainError.Unprocessable(
                "articles-effective-before-current-version",
                $"Version {current.Version} of the articles holds from {current.EffectiveOn:yyyy-MM-dd}; an amendment cannot take effect before it ({command.EffectiveOn:yyyy-MM-dd}).");
        }

        var given = command.Changes;
        var changes = new ArticlesChange(
            given.Name is { } name && name != current.Name ? name : null,
            given.Domicile is { } domicile && domicile != Address ? domicile : null,
            given.Type is { } type && type != current.Type ? type : null,
            given.SavingsLoanScheme is { } scheme && scheme != current.SavingsLoanScheme ? scheme : null,
            given.Form is { } form && form != current.Form ? form : null,
            given.BusinessField is { } field && field != current.BusinessField ? field : null,
            given.OtherArticles is { } other && other != current.OtherArticles ? other : null);
        return CheckAmendment(changes, given, current, command.Ratification) is { } refused
            ? refused
            : Decision.Accept(new ArticlesAmended(Id, current.Version + 1, command.EffectiveOn, changes, command.Deed, command.Ratification, command.CaseId));
    }

    private static DomainError? CheckAmendment(ArticlesChange changes, ArticlesChange given, ArticlesVersion current, Ratification? ratification)
    {
        if (changes == new ArticlesChange())
        {
            return DomainError.Unprocessable("articles-amendment-changes-nothing", $"The amendment changes nothing in version {current.Version} of the articles.");
        }

        var type = changes.Type ?? current.Type;
        var scheme = given.SavingsLoanScheme ?? (type == CooperativeType.SimpanPinjam ? current.SavingsLoanScheme : null);
        if ((type == CooperativeType.SimpanPinjam) != scheme.HasValue)
        {
            return DomainError.Unprocessable(
                "savings-loan-scheme-only-for-simpan-pinjam",
                "A simpan-pinjam koperasi is close-loop or open-loop; other types have no savings-and-loan scheme.",
                "changes.savingsLoanScheme");
        }

        var needsRatification = changes is not { Name: null, Domicile: null, Type: null, Form: null, BusinessField: null };
        return needsRatification && ratification is null
            ? DomainError.Unprocessable(
                "articles-amendment-needs-ratification",
                "A change of name, domicile, type, form or business field holds only once the ministry ratified it; the amendment carries no ratification.")
            : null;
    }

    private ArticlesVersion FoundingArticles() => new(
        1, LegalEntity.DecreeDate, Name, Address, Type, SavingsLoanScheme, Form, BusinessField, null, [],
        Deed, new Ratification(LegalEntity.DecreeNumber, LegalEntity.DecreeDate), FoundingCaseId);

    private Cooperative WithArticles(ArticlesAmended e)
    {
        var versions = ArticlesVersions();
        var previous = versions[^1] with { Domicile = Address };
        var changes = e.Changes;
        var type = changes.Type ?? previous.Type;
        var next = new ArticlesVersion(
            e.ArticlesVersion,
            e.EffectiveOn,
            changes.Name ?? previous.Name,
            changes.Domicile ?? previous.Domicile,
            type,
            changes.SavingsLoanScheme ?? (type == CooperativeType.SimpanPinjam ? previous.SavingsLoanScheme : null),
            changes.Form ?? previous.Form,
            changes.BusinessField ?? previous.BusinessField,
            changes.OtherArticles ?? previous.OtherArticles,
            [],
            e.Deed,
            e.Ratification,
            e.CaseId);
        next = next with { Changed = ChangedParts(previous, next) };
        return this with
        {
            Articles = [.. versions, next],
            Name = next.Name,
            Address = next.Domicile,
            Type = next.Type,
            SavingsLoanScheme = next.SavingsLoanScheme,
            Form = next.Form,
            BusinessField = next.BusinessField,
        };
    }

    /// <summary>The parts that differ, named as in the API.</summary>
    private static IReadOnlyList<string> ChangedParts(ArticlesVersion previous, ArticlesVersion next) =>
    [
        .. new (string Part, bool Differs)[]
        {
            ("name", next.Name != previous.Name),
            ("domicile", next.Domicile != previous.Domicile),
            ("type", next.Type != previous.Type),
            ("savingsLoanScheme", next.SavingsLoanScheme != previous.SavingsLoanScheme),
            ("form", next.Form != previous.Form),
            ("businessField", next.BusinessField != previous.BusinessField),
            ("otherArticles", next.OtherArticles != previous.OtherArticles),
        }.Where(p => p.Differs).Select(p => p.Part),
    ];
}
