using System.Text.RegularExpressions;
using Koperasi.Registry.Cooperatives;
using Koperasi.ServiceDefaults.Decisions;

namespace Koperasi.Registry.Imports;

/// <summary>
/// The CSV columns of a register (one row per koperasi) and how a row becomes a
/// <see cref="Register.Request"/>, checked exactly as a registration over HTTP is.
/// </summary>
public static partial class RegisterCsv
{
    /// <summary>A column; <see cref="JsonPath"/> is the request field it fills, so errors name the column.</summary>
    public sealed record Column(string Name, bool Required, string JsonPath);

    /// <summary>A row read: the request, or why it cannot be imported.</summary>
    public sealed record ParsedRow(int Row, string? DecreeNumber, Register.Request? Request, IReadOnlyList<ImportRowError> Errors);

    /// <summary>In the order of the documented header; required ones mirror the request's required members.</summary>
    public static IReadOnlyList<Column> Columns { get; } =
    [
        new("name", true, "name"),
        new("form", true, "form"),
        new("type", true, "type"),
        new("savings_loan_scheme", false, "savingsLoanScheme"),
        new("syariah", false, "syariah"),
        new("multi_pihak", false, "multiPihak"),
        new("member_classes", false, "memberClasses"),
        new("supervision_level", true, "supervisionLevel"),
        new("regency_code", true, "address.regencyCode"),
        new("kecamatan", true, "address.kecamatan"),
        new("village", false, "address.village"),
        new("desa", false, "address.desa"),
        new("street", true, "address.street"),
        new("postal_code", false, "address.postalCode"),
        new("decree_number", true, "legalEntity.decreeNumber"),
        new("decree_date", true, "legalEntity.decreeDate"),
        new("deed_number", false, "deed.number"),
        new("deed_date", false, "deed.date"),
        new("notary", false, "deed.notary"),
        new("founding_members", true, "foundingMembers"),
        new("member_count", true, "memberCount"),
        new("business_field", true, "businessField"),
        new("nib", false, "nib"),
        new("nik_koperasi", false, "nikKoperasi.number"),
        new("nik_koperasi_issued_on", false, "nikKoperasi.issuedOn"),
        new("phone", false, "contact.phone"),
        new("email", false, "contact.email"),
        new("last_rat_year", false, "ratHistory.financialYear"),
        new("last_rat_date", false, "ratHistory.heldOn"),
        new("last_rat_members_present", false, "ratHistory.membersPresent"),
        new("last_rat_members_total", false, "ratHistory.membersTotal"),
        new("last_rat_mode", false, "ratHistory.mode"),
    ];

    private static readonly Dictionary<string, string> ColumnOfPath = new(
        Columns.Select(c => KeyValuePair.Create(c.JsonPath, c.Name))
            .Append(KeyValuePair.Create("ratHistory", "last_rat_year"))
            .Append(KeyValuePair.Create("nikKoperasi", "nik_koperasi"))
            .Append(KeyValuePair.Create("deed", "deed_number")),
        StringComparer.Ordinal);

    private static readonly string[] DeedColumns = ["deed_number", "deed_date", "notary"];
    private static readonly string[] NikColumns = ["nik_koperasi", "nik_koperasi_issued_on"];
    private static readonly string[] RatColumns = ["last_rat_year", "last_rat_date", "last_rat_members_present", "last_rat_members_total", "last_rat_mode"];

    /// <summary>Reads a row and validates it as <see cref="Register.Validate"/> does for HTTP.</summary>
    public static ParsedRow Parse(CsvRow row)
    {
        var fields = new CsvRowFields(row);
        if (row.Fields.Count != row.Header.Count)
        {
            fields.Fail(null, $"Has {row.Fields.Count} fields; the header has {row.Header.Count}.");
            return new ParsedRow(row.Number, null, null, fields.Errors);
        }

        var request = Read(fields);
        if (request is not null)
        {
            var validation = Register.Validate(request);
            if (!validation.IsValid)
            {
                foreach (var (path, messages) in validation.Errors)
                {
                    fields.Fail(ColumnOf(path), messages);
                }

                request = null;
            }
            else if (request.Address.PlaceError("address") is { } place)
            {
                fields.Errors.Add(ToRowError(row.Number, place));
                request = null;
            }
        }

        return new ParsedRow(row.Number, fields.Text("decree_number"), request, fields.Errors);
    }

    /// <summary>A broken domain rule as a row error naming the column.</summary>
    public static ImportRowError ToRowError(int row, DomainError error) => new(row, error.Field is { } f ? ColumnOf(f) : null, error.Rule, error.Detail);

    /// <summary>The column a request field (a JSON path such as <c>ratHistory[0].heldOn</c>) comes from.</summary>
    public static string ColumnOf(string path)
    {
        var key = Index().Replace(path, "");
        return ColumnOfPath.TryGetValue(key, out var column) ? column : key;
    }

    private static Register.Request? Read(CsvRowFields f)
    {
        var name = f.Required("name");
        var form = f.Enum<CooperativeForm>("form", required: true);
        var type = f.Enum<CooperativeType>("type", required: true);
        var scheme = f.Enum<SavingsLoanScheme>("savings_loan_scheme", required: false);
        var syariah = f.Bool("syariah");
        var multiPihak = f.Bool("multi_pihak");
        var level = f.Enum<SupervisionLevel>("supervision_level", required: true);
        var regency = f.Required("regency_code");
        var kecamatan = f.Required("kecamatan");
        var street = f.Required("street");
        var decreeNumber = f.Required("decree_number");
        var decreeDate = f.Date("decree_date", required: true);
        var withDeed = f.AnyOf(DeedColumns);
        var deedNumber = withDeed ? f.Required("deed_number") : null;
        var deedDate = f.Date("deed_date", required: withDeed);
        var notary = withDeed ? f.Required("notary") : null;
        var founders = f.Int("founding_members", required: true);
        var members = f.Int("member_count", required: true);
        var businessField = f.Required("business_field");
        var withNik = f.AnyOf(NikColumns);
        var nikNumber = withNik ? f.Required("nik_koperasi") : null;
        var nikIssuedOn = f.Date("nik_koperasi_issued_on", required: withNik);
        var withRat = f.AnyOf(RatColumns);
        var ratYear = f.Int("last_rat_year", required: withRat);
        var ratDate = f.Date("last_rat_date", required: withRat);
        var ratPresent = f.Int("last_rat_members_present", required: withRat);
        var ratTotal = f.Int("last_rat_members_total", required: withRat);
        var ratMode = f.Enum<RatMode>("last_rat_mode", required: withRat);
        if (f.Errors.Count > 0)
        {
            return null;
        }

        var phone = f.Text("phone");
        var email = f.Text("email");
        return new Register.Request
        {
            Name = name,
            Form = form!.Value,
            Type = type!.Value,
            SavingsLoanScheme = scheme,
            Syariah = syariah,
            MultiPihak = multiPihak,
            MemberClasses = f.Text("member_classes") is { } classes
                ? [.. classes.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
                : null,
            SupervisionLevel = level!.Value,
            Address = new Register.AddressDto(Street: street, Kecamatan: kecamatan, RegencyCode: regency, Village: f.Text("village"), PostalCode: f.Text("postal_code"), Desa: f.Text("desa")),
            LegalEntity = new LegalEntity(decreeNumber, decreeDate!.Value),
            Deed = withDeed ? new NotarialDeed(deedNumber!, deedDate!.Value, notary!) : null,
            FoundingMembers = founders!.Value,
            MemberCount = members!.Value,
            BusinessField = businessField,
            Nib = f.Text("nib"),
            NikKoperasi = withNik ? new NikKoperasi(nikNumber!, nikIssuedOn!.Value) : null,
            Contact = phone is null && email is null ? null : new Contact(phone, email),
            RatHistory = withRat ? [new ReportRat.Request(ratYear!.Value, ratDate!.Value, ratPresent!.Value, ratTotal!.Value, ratMode!.Value)] : null,
        };
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
