import { useMutation, useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { describeError, refusal } from '../api.js';
import { danishDateTime } from '../format.js';
import {
  MarkNotificationsReadDocument,
  MyNotificationsDocument,
  NewCalendarUrlDocument,
  SaveNotificationSettingsDocument,
  type NotificationFrequency,
  type NotificationKind,
} from '../generated/graphql.js';
import { Link } from '../router.js';

const KINDS: { kind: NotificationKind; label: string; help: string; coordinatorsOnly?: boolean }[] = [
  { kind: 'OVERLAP', label: 'Nye overlap', help: 'når en aktivitet i en anden helhedsplan kommer til at overlappe en af jeres' },
  { kind: 'REMINDER', label: 'Påmindelser', help: 'om opfølgningspunkter, du er ansvarlig for: 3 dage før fristen og når den er overskredet' },
  {
    kind: 'DIGEST',
    label: 'Overblik',
    help: 'nye overlapgrupper, huller i dækningen, overskredne frister og indikatorer uden målinger',
    coordinatorsOnly: true,
  },
];

const FREQUENCIES: { value: NotificationFrequency; label: string }[] = [
  { value: 'IMMEDIATELY', label: 'Straks' },
  { value: 'DAILY', label: 'Samlet hver morgen kl. 7' },
  { value: 'WEEKLY', label: 'Samlet mandag morgen kl. 7' },
  { value: 'NEVER', label: 'Aldrig' },
];

const KIND_NAMES: Record<string, string> = { OVERLAP: 'Overlap', DIGEST: 'Overblik', REMINDER: 'Påmindelse' };
const EMAIL_NAMES: Record<string, string> = { PENDING: 'e-mail venter', QUEUED: 'sendt på e-mail', NOT_SENT: 'ikke sendt på e-mail' };

/** "Mine notifikationer": what the hub told the viewer, how often they want e-mail, and their calendar address. */
export function NotificationsPage() {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error, fetching }, refetch] = useQuery({ query: MyNotificationsDocument, variables: { after } });
  const [marking, mark] = useMutation(MarkNotificationsReadDocument);
  const [saving, save] = useMutation(SaveNotificationSettingsDocument);
  const [renewing, renew] = useMutation(NewCalendarUrlDocument);
  const [choices, setChoices] = useState<Record<string, NotificationFrequency>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [withSlots, setWithSlots] = useState(false);
  // The address just made, for the slots choice it was made with (the page's query brings both once it is asked again).
  const [calendar, setCalendar] = useState<{ url: string; withSlots: boolean } | null>(null);
  const [renewed, setRenewed] = useState<string | null>(null);

  const viewer = data?.viewer;
  useEffect(() => {
    if (viewer?.notificationSettings) setChoices(Object.fromEntries(viewer.notificationSettings.map((s) => [s.kind, s.frequency])));
  }, [viewer?.notificationSettings]);

  // A refusal is said, never swallowed: the hub's own Danish words (the console asks for Danish).
  const [markProblem, setMarkProblem] = useState<string | null>(null);
  const markRead = async (ids: string[] | null) => {
    const answer = await mark({ input: ids ? { ids } : { all: true } });
    const refused = refusal(answer, answer.data?.markNotificationsRead);
    setMarkProblem(refused ? `Notifikationerne blev ikke markeret som læst: ${refused}` : null);
    refetch({ requestPolicy: 'network-only' });
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(null);
    const settings = KINDS.filter((k) => choices[k.kind]).map((k) => ({ kind: k.kind, frequency: choices[k.kind]! }));
    const answer = await save({ input: { settings } });
    const payload = answer.data?.updateNotificationSettings;
    const problem = refusal(answer, payload);
    setSaved(problem ? `Valgene blev ikke gemt: ${problem}` : 'Dine valg er gemt.');
  };
  const renewCalendar = async () => {
    setRenewed(null);
    const answer = await renew({ input: { withActivitySlots: withSlots } });
    const payload = answer.data?.revokeCalendarUrl;
    if (payload?.calendarUrl && !payload.userErrors.length) {
      setCalendar({ url: payload.calendarUrl, withSlots });
      setRenewed('Ny adresse lavet. Den gamle virker ikke længere: sæt den nye ind i din kalender.');
      refetch({ requestPolicy: 'network-only' });
    } else setRenewed(`Der blev ikke lavet en ny adresse: ${refusal(answer, payload)}`);
  };

  // Each action says its own failure beside it; this is the page's own.
  const problem = describeError(error);
  const unread = viewer?.unreadNotificationCount ?? 0;
  const kinds = KINDS.filter((k) => !k.coordinatorsOnly || viewer?.role === 'COORDINATOR');
  const calendarUrl = calendar?.withSlots === withSlots ? calendar.url : withSlots ? viewer?.calendarWithSlots : viewer?.calendarUrl;
  return (
    <>
      <h1>Mine notifikationer</h1>
      {problem || markProblem ? (
        <p role="alert" class="error">
          {problem ?? markProblem}
        </p>
      ) : null}
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">Notifikationer</h2>
        <p>
          {unread === 0 ? 'Du har ingen ulæste notifikationer.' : `Du har ${unread} ${unread === 1 ? 'ulæst notifikation' : 'ulæste notifikationer'}.`}{' '}
          {unread > 0 ? (
            <button type="button" onClick={() => markRead(null)} disabled={marking.fetching}>
              Markér alle som læst
            </button>
          ) : null}
        </p>
        {data && !data.notifications.nodes.length ? <p>Hubben har ikke sendt dig noget endnu.</p> : null}
        <ul class="notifications">
          {data?.notifications.nodes.map((n) => (
            <li key={n.id} class={n.readAt ? 'read' : 'unread'}>
              <strong>
                {n.readAt ? null : <span class="badge">Ulæst</span>} {KIND_NAMES[n.kind] ?? n.kind}:
              </strong>{' '}
              <Link href={n.link}>{n.title}</Link>{' '}
              <span class="help">
                {danishDateTime(n.createdAt)}, {EMAIL_NAMES[n.emailState] ?? n.emailState}
              </span>{' '}
              {n.readAt ? null : (
                <button type="button" class="small" onClick={() => markRead([n.id])} disabled={marking.fetching} aria-label={`Markér som læst: ${n.title}`}>
                  Markér som læst
                </button>
              )}
            </li>
          ))}
        </ul>
        <p>
          {after ? (
            <button type="button" onClick={() => setAfter(null)}>
              Til de nyeste
            </button>
          ) : null}{' '}
          {data?.notifications.pageInfo.hasNextPage ? (
            <button type="button" onClick={() => setAfter(data.notifications.pageInfo.endCursor ?? null)} disabled={fetching}>
              Ældre notifikationer
            </button>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="email-heading">
        <h2 id="email-heading">E-mail</h2>
        <p>Vælg, hvor ofte du vil have e-mail om hver slags. Alt vises stadig her, uanset hvad du vælger.</p>
        <form onSubmit={submit}>
          {kinds.map((k) => (
            <fieldset key={k.kind}>
              <legend>
                {k.label} <span class="help">– {k.help}</span>
              </legend>
              {FREQUENCIES.filter((f) => !(k.kind === 'DIGEST' && f.value === 'IMMEDIATELY')).map((f) => (
                <span key={f.value} class="choice">
                  <input
                    type="radio"
                    id={`${k.kind}-${f.value}`}
                    name={k.kind}
                    value={f.value}
                    checked={choices[k.kind] === f.value}
                    onChange={() => setChoices({ ...choices, [k.kind]: f.value })}
                  />
                  <label class="inline" for={`${k.kind}-${f.value}`}>
                    {f.label}
                  </label>
                </span>
              ))}
            </fieldset>
          ))}
          <button type="submit" disabled={saving.fetching || !viewer}>
            Gem valg
          </button>{' '}
          <span role="status">{saved}</span>
        </form>
      </section>

      {viewer?.calendarUrl ? (
        <section aria-labelledby="calendar-heading">
          <h2 id="calendar-heading">Kalender</h2>
          <p>
            Abonnér på styregruppemøderne og fristerne for opfølgningspunkter i {viewer.role === 'COORDINATOR' ? 'alle helhedsplaner' : 'dine helhedsplaner'} i
            din kalender (Outlook, Google, Apple). Adressen er hemmelig: del den ikke. Lav en ny, hvis den er kommet ud, så holder den gamle op med at virke.
          </p>
          <div>
            <input type="checkbox" id="with-slots" checked={withSlots} onChange={(e) => setWithSlots((e.target as HTMLInputElement).checked)} />
            <label class="inline" for="with-slots">
              Medtag aktiviteternes faste ugetider
            </label>
          </div>
          <input aria-label="Kalenderadresse" readOnly value={calendarUrl ?? ''} class="wide" onFocus={(e) => (e.target as HTMLInputElement).select()} />
          <button type="button" onClick={renewCalendar} disabled={renewing.fetching}>
            Lav en ny adresse
          </button>{' '}
          <span role="status">{renewed}</span>
        </section>
      ) : null}
    </>
  );
}
