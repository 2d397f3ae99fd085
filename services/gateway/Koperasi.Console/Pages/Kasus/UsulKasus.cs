using System.Text.Json.Nodes;
using Koperasi.Console.Formatting;
using Koperasi.Console.Gateway;
using Koperasi.ServiceDefaults.Identity;
using Koperasi.ServiceDefaults.Regions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Koperasi.Console.Pages.Kasus;

/// <summary>
/// What the pages proposing a case share: the regency (asked for, posted back, or the first the user may act on),
/// the koperasi of that regency as Transformation knows them (which may take part in a case), and the proposal's post.
/// </summary>
public abstract class UsulKasus : ComponentBase
{
    [Inject] protected GatewayApi Api { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [Inject] protected HariIni HariIni { get; set; } = null!;

    [CascadingParameter] protected HttpContext? Context { get; set; }

    [SupplyParameterFromQuery(Name = "kabupaten")] protected string? Kabupaten { get; set; }

    [SupplyParameterFromQuery] protected string? Q { get; set; }

    /// <summary>The regency the page's own form posted back, if any.</summary>
    protected abstract string? PostedRegency { get; }

    protected string? Regency => NonBlank(Kabupaten) ?? NonBlank(PostedRegency)
        ?? Regencies.All.FirstOrDefault(r => Context is not null && Context.User.MayActOnRegency(r.Code))?.Code;

    /// <summary>Cases are proposed by the admin of the province and by a pembina in a regency (the API decides again).</summary>
    protected bool MayPropose => Context is not null && (Context.User.IsInRole(KoperasiRoles.AdminProvinsi) || Context.User.IsInRole(KoperasiRoles.Pembina));

    /// <summary>The regencies the user may propose a case in, for the page's choice (none for a role that proposes none).</summary>
    protected IEnumerable<Regency> OwnRegencies => Regencies.All.Where(r => MayPropose && Context!.User.MayActOnRegency(r.Code));

    protected DateOnly Today => HariIni.Tanggal;

    protected CooperativeStandingPage? Standings { get; private set; }

    /// <summary>The koperasi of the regency that may take part in a case now.</summary>
    protected IReadOnlyList<CooperativeStandingItem> Free => Standings?.Items.Where(k => k.MayTakePart).ToList() ?? [];

    protected Masalah? Problem { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Regency is null || !MayPropose)
        {
            return;
        }

        var answer = await Api.GetAsync<CooperativeStandingPage>("api/transformation/cooperatives" + IstilahKasus.Query(("regency", Regency), ("q", Q), ("pageSize", "200")));
        (Standings, Problem) = (answer.Value, answer.Problem);
    }

    /// <summary>Posts the proposal; on success goes to the new case's page (<paramref name="casePage"/> and its id), else shows the problem.</summary>
    protected async Task ProposeAsync(string path, object body, string casePage = "/kasus")
    {
        var answer = await Api.PostAsync<JsonObject>(path, body);
        if (answer.Ok && answer.Value?["id"]?.GetValue<string>() is { } id)
        {
            Navigation.NavigateTo($"{casePage}/{id}?pesan=langkah");
            return;
        }

        Problem = answer.Problem ?? Masalah.From(502, null);
    }

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
