// A tiny history router: the URL is the state (paths and query strings), so any view can be shared or reloaded.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const EVENT = 'marsad:navigate';

// pages load their data after they render, too late for the browser's own scroll restoration: the position
// is kept with each history entry and put back once the page is tall enough again
if (typeof history !== 'undefined' && 'scrollRestoration' in history) history.scrollRestoration = 'manual';

export function navigate(url: string, replace = false): void {
  if (url === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', url);
  else {
    history.replaceState({ ...(history.state ?? {}), scroll: window.scrollY }, '');
    history.pushState(null, '', url);
  }
  window.dispatchEvent(new Event(EVENT));
  if (!replace) window.scrollTo(0, 0);
}

/** Back or forward: return to where the reader was on that page, as soon as its content is there (≤ 3 s). */
function restoreScroll(): void {
  const y = (history.state as { scroll?: number } | null)?.scroll;
  if (!y) return;
  const until = Date.now() + 3000;
  const attempt = () => {
    if (document.documentElement.scrollHeight - window.innerHeight >= y) window.scrollTo(0, y);
    else if (Date.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
if (typeof window !== 'undefined') window.addEventListener('popstate', restoreScroll);

export function useLocation(): { path: string; query: URLSearchParams } {
  const read = () => ({ path: location.pathname, query: new URLSearchParams(location.search) });
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const update = () => setLoc(read());
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return loc;
}

type LinkProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string; children?: ComponentChildren };

/** An ordinary link (works with middle-click, copy link, keyboard) that navigates in place. */
export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
