type Indicator = {
  id: string;
  name: string;
  unit: string;
  baseline?: number | null;
  target: number;
  latestValue?: number | null;
  progress?: number | null;
  direction: string;
};

const number = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** Success criteria with a bar each for the way from baseline to target; the figures are always written too. */
export function IndicatorList({ indicators }: { indicators: readonly Indicator[] }) {
  if (!indicators.length) return <p>Ingen succeskriterier er registreret.</p>;
  return (
    <ul class="indicators">
      {indicators.map((i) => {
        const labelId = `ind-${i.id.replace(/[^a-z0-9]/gi, '')}`;
        const progress = i.progress == null ? null : Math.round(i.progress * 100);
        return (
          <li key={i.id}>
            <span id={labelId}>{i.name}</span>: {i.latestValue == null ? 'ikke målt endnu' : `${number.format(i.latestValue)} ${i.unit}`} (mål{' '}
            {i.direction === 'DECREASE' ? 'ned til' : 'op til'} {number.format(i.target)} {i.unit}
            {i.baseline == null ? '' : `, fra ${number.format(i.baseline)}`})
            <div class="progress-row">
              <progress
                max={100}
                value={progress ?? 0}
                aria-labelledby={labelId}
                aria-valuetext={progress == null ? 'ikke beregnet' : `${progress} procent af vejen`}
              />
              <span>{progress == null ? 'ikke beregnet' : `${progress} % af vejen`}</span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
