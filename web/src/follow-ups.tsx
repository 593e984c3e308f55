import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { refusal } from './api.js';
import { CompleteFollowUpDocument } from './generated/graphql.js';

/** "Markér som udført" for an open follow-up: the hub's refusal said beside it; a success handed to the list, which the item leaves. */
export function CompleteFollowUp({ id, description, onDone }: { id: string; description: string; onDone: (said: string) => void }) {
  const [state, complete] = useMutation(CompleteFollowUpDocument);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      {' '}
      <button
        type="button"
        class="small"
        aria-label={`Markér som udført: ${description}`}
        disabled={state.fetching}
        onClick={async () => {
          const answer = await complete({ input: { id } });
          const refused = refusal(answer, answer.data?.completeActionItem);
          setProblem(refused);
          if (!refused) onDone(`Markeret som udført: ${description}.`);
        }}
      >
        Markér som udført
      </button>
      {problem ? (
        <span role="alert" class="error">
          {' '}
          Ikke markeret som udført: {problem}
        </span>
      ) : null}
    </>
  );
}

/** Who may mark a plan's follow-ups done, as the hub rules it: coordinators, and the plan's project leads. */
export function mayCompleteFollowUps(viewer: { role: string; plans: readonly { code: string }[] } | null | undefined, planCode: string | undefined): boolean {
  if (!viewer || !planCode) return false;
  return viewer.role === 'COORDINATOR' || (viewer.role === 'PROJECT_LEAD' && viewer.plans.some((p) => p.code === planCode));
}
