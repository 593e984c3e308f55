import type { ComponentChildren } from 'preact';

/** A part of a page under its own heading, named by that heading for screen readers' landmarks. */
export function Section({ id, title, children }: { id: string; title: ComponentChildren; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}
