import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

let pendingFlash: string | null = null;

/** Every page has its own URL (links can be shared); navigation keeps the page, history works as usual. */
export function navigate(to: string, flash?: string): void {
  // What the page before did (e.g. "Aktiviteten er gemt."), for the next page to say once.
  pendingFlash = flash ?? null;
  history.pushState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The confirmation the navigation brought, once: a page calls this when it first renders. */
export function takeFlash(): string | null {
  const flash = pendingFlash;
  pendingFlash = null;
  return flash;
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return path;
}

export function Link(props: { href: string; children: ComponentChildren; class?: string }) {
  return (
    <a
      href={props.href}
      class={props.class}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
