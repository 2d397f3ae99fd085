using System.Diagnostics;
using OpenTelemetry;

namespace Koperasi.ServiceDefaults.PersonalData;

/// <summary>
/// Masks NIKs in a span before any exporter reads it: its display name (the name exporters
/// send), status description and tag values (<c>url.path</c>, <c>url.query</c> and
/// <c>http.route</c> included: no API puts a NIK in a URL, but a caller may). An exception
/// recorded with <see cref="Activity.AddException"/> gets its <c>exception.message</c> and
/// <c>exception.stacktrace</c> masked as it is recorded.
/// </summary>
/// <remarks>
/// An event's or a link's tags cannot be changed once recorded. <see cref="Activity.AddException"/>
/// lets a listener give those tags first, which is how exceptions are masked; an event added any
/// other way (<c>AddEvent</c>, MassTransit's exception events) that still holds a NIK when the span
/// ends makes the whole span unrecorded: it is not exported rather than exported with a NIK.
/// The processor runs when the span ends, before the exporters registered after it; a batch
/// exporter reads the span later still.
/// </remarks>
internal sealed class PersonalDataSpanProcessor : BaseProcessor<Activity>
{
    private const string ExceptionMessage = "exception.message";
    private const string ExceptionStackTrace = "exception.stacktrace";

    private readonly ActivityListener _exceptions = new()
    {
        ShouldListenTo = _ => true,
        ExceptionRecorder = ScrubException,
    };

    public PersonalDataSpanProcessor() => ActivitySource.AddActivityListener(_exceptions);

    public override void OnEnd(Activity data)
    {
        var name = data.DisplayName;
        var scrubbedName = Nik.Scrub(name);
        if (!ReferenceEquals(scrubbedName, name))
        {
            data.DisplayName = scrubbedName;
        }

        if (data.StatusDescription is { } description && Nik.ContainsNik(description))
        {
            data.SetStatus(data.Status, Nik.Scrub(description));
        }

        List<KeyValuePair<string, object?>>? changed = null;
        foreach (var (key, value) in data.TagObjects)
        {
            var scrubbed = PersonalDataValues.Scrub(value);
            if (!ReferenceEquals(scrubbed, value))
            {
                (changed ??= []).Add(new(key, scrubbed));
            }
        }

        foreach (var (key, value) in changed ?? [])
        {
            data.SetTag(key, value);
        }

        if (data.Events.Any(e => Nik.ContainsNik(e.Name) || HoldsNik(e.Tags)) || data.Links.Any(l => HoldsNik(l.Tags)))
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _exceptions.Dispose();
        }

        base.Dispose(disposing);
    }

    // Activity.AddException adds the message and the stack text only where no listener gave them.
    private static void ScrubException(Activity activity, Exception exception, ref TagList tags)
    {
        var hasMessage = false;
        var hasStackTrace = false;
        for (var i = 0; i < tags.Count; i++)
        {
            var (key, value) = tags[i];
            hasMessage |= key == ExceptionMessage;
            hasStackTrace |= key == ExceptionStackTrace;
            var scrubbed = PersonalDataValues.Scrub(value);
            if (!ReferenceEquals(scrubbed, value))
            {
                tags[i] = new(key, scrubbed);
            }
        }

        if (!hasMessage)
        {
            tags.Add(ExceptionMessage, Nik.Scrub(exception.Message));
        }

        if (!hasStackTrace)
        {
            tags.Add(ExceptionStackTrace, Nik.Scrub(exception.ToString()));
        }
    }

    private static bool HoldsNik(IEnumerable<KeyValuePair<string, object?>>? tags) =>
        tags is not null && tags.Any(tag => !ReferenceEquals(PersonalDataValues.Scrub(tag.Value), tag.Value));
}
