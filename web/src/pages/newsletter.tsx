import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { newsletterSections, renderHtml, type NewsletterItem } from '../../../client-sdk/newsletter.js';
import { describeError } from '../api.js';
import { danishDate, isoDay } from '../format.js';
import { NewsletterHighlightsDocument } from '../generated/graphql.js';

/** The newsletter draft of a period, as the newsletter command renders it, with its HTML to copy into the mail tool. */
export function NewsletterPage() {
  const [since, setSince] = useState(isoDay(new Date(Date.now() - 30 * 86_400_000)));
  const [until, setUntil] = useState(isoDay(new Date()));
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const period = { since: `${since}T00:00:00Z`, until: `${until}T23:59:59Z` };
  const [{ data, error, fetching }] = useQuery({ query: NewsletterHighlightsDocument, variables: { ...period, first: 30 } });
  const items = (data?.highlights ?? []) as NewsletterItem[];
  const problem = since > until ? 'Startdatoen ligger efter slutdatoen.' : describeError(error);
  return (
    <>
      <h1>Nyhedsbrev</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="since">Fra</label>
          <input
            id="since"
            type="date"
            value={since}
            onInput={(e) => {
              setSince((e.target as HTMLInputElement).value);
              setCopied('no');
            }}
          />
        </div>
        <div>
          <label for="until">Til og med</label>
          <input
            id="until"
            type="date"
            value={until}
            onInput={(e) => {
              setUntil((e.target as HTMLInputElement).value);
              setCopied('no');
            }}
          />
        </div>
        <button
          type="button"
          disabled={!data || fetching}
          onClick={async () =>
            setCopied(
              await navigator.clipboard.writeText(renderHtml(items, period)).then(
                () => 'yes' as const,
                () => 'failed' as const,
              ),
            )
          }
        >
          Kopiér HTML
        </button>
        {copied === 'yes' ? <span role="status">HTML kopieret: sæt det ind i mailprogrammet.</span> : null}
      </form>
      {copied === 'failed' ? (
        <div role="status">
          <p>Browseren tillod ikke at kopiere. Markér HTML-teksten herunder, og kopiér den selv.</p>
          <textarea aria-label="Nyhedsbrevets HTML" readOnly rows={8} class="wide" value={renderHtml(items, period)} />
        </div>
      ) : null}
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}
      <article class="draft" aria-labelledby="draft-heading">
        <h2 id="draft-heading">Nyt fra de boligsociale helhedsplaner</h2>
        <p class="period">
          Perioden {danishDate(since)} til {danishDate(until)}
        </p>
        {!data ? (
          <p aria-live="polite">{fetching ? 'Henter nyhederne …' : ''}</p>
        ) : items.length === 0 ? (
          <p>Der er ingen nyheder i perioden.</p>
        ) : (
          newsletterSections(items).map((section) => (
            <section key={section.kind}>
              <h3>{section.heading}</h3>
              {/* Keys by place: two entries may share a title ("2 med samme nyhed"), and equal keys made Preact repeat a line. */}
              {section.entries.map((entry, i) => (
                <div key={i} class="item">
                  <h4>{entry.title}</h4>
                  {entry.names.length ? (
                    <ul>
                      {entry.names.map((name, i) => (
                        <li key={i}>{name}</li>
                      ))}
                    </ul>
                  ) : null}
                  <p>{entry.summary}</p>
                </div>
              ))}
              {section.more.length ? (
                <div class="item">
                  <h4>Også</h4>
                  <ul>
                    {section.more.map((name, i) => (
                      <li key={i}>{name}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </section>
          ))
        )}
        <p class="period">Udkast fra koordineringshubben. Læs igennem før udsendelse.</p>
      </article>
    </>
  );
}
